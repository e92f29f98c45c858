# Sourced by the rca scripts: finds JDK 25 and bench/target/benchmarks.jar (building it if missing).
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
java_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [[ ! -x "$java_bin" ]]; then
  java_bin=""
  for jdk in /usr/lib/jvm/*25*; do
    if [[ -x "$jdk/bin/java" ]]; then java_bin="$jdk/bin/java"; break; fi
  done
fi
if [[ -z "$java_bin" ]]; then
  echo "$(basename "$0"): no JDK 25 found under /usr/lib/jvm" >&2
  exit 1
fi
if [[ ! -f "$jar" ]]; then
  echo "$(basename "$0"): building $jar" >&2
  (cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests) >&2
fi
