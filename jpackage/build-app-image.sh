#!/usr/bin/env bash
# Builds a self-contained Firebreak app-image (launcher + bundled Java runtime) with jpackage.
# Usage: jpackage/build-app-image.sh [JDK_HOME]
#   JDK_HOME defaults to the JDK 25 that Maven's toolchains plugin would pick under /usr/lib/jvm.
# Output: target/jpackage/Firebreak/ (run target/jpackage/Firebreak/bin/Firebreak)
set -euo pipefail
cd "$(dirname "$0")/.."

jdk="${1:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)}"
if [[ ! -x "$jdk/bin/jpackage" ]]; then
  echo "jpackage: no JDK 25 with jpackage found (looked at '${jdk}'); pass its home as the first argument" >&2
  exit 2
fi
# jpackage rejects "-SNAPSHOT"; the app version is numeric on purpose.
app_version="$(sed -n 's:.*<app.version>\(.*\)</app.version>.*:\1:p' pom.xml | head -n1)"

input=app/target/jpackage-input
rm -rf "$input" target/jpackage
mkdir -p "$input"
# One reactor build: sibling modules resolve to their freshly built jars (nothing is installed).
mvn -B -q -DskipTests package dependency:copy-dependencies -pl app -am \
  -DincludeScope=runtime -DoutputDirectory="$PWD/$input"
cp app/target/firebreak-app-*.jar "$input/"

"$jdk/bin/jpackage" --type app-image \
  --name Firebreak \
  --app-version "$app_version" \
  --vendor "Firebreak" \
  --input "$input" \
  --main-jar "$(basename app/target/firebreak-app-*.jar)" \
  --main-class dev.firebreak.app.Firebreak \
  --java-options "--enable-native-access=ALL-UNNAMED -Xms1536m -Xmx1536m" \
  --dest target/jpackage
echo "app-image: target/jpackage/Firebreak (launcher: target/jpackage/Firebreak/bin/Firebreak)"
