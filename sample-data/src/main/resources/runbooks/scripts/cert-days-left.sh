#!/bin/sh
# Prints the whole days left before the certificate served at HOST:PORT expires (-1 when it already has), and
# nothing else on standard output, so a runbook can compare the number.
#
# Usage: cert-days-left.sh HOST [PORT]
#
# Every value arrives as an argument, is checked, and is only ever expanded inside double quotes: nothing here is
# evaluated.
set -eu

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
    echo "usage: cert-days-left.sh HOST [PORT]" >&2
    exit 2
fi
host=$1
port=${2:-443}
case $host in
    '' | -* | *[!A-Za-z0-9.-]*)
        echo "HOST must be a host name (letters, digits, dots and dashes), was: $host" >&2
        exit 2
        ;;
esac
case $port in
    '' | *[!0-9]*)
        echo "PORT must be a whole number, was: $port" >&2
        exit 2
        ;;
esac

if ! pem=$(openssl s_client -connect "$host:$port" -servername "$host" </dev/null 2>/dev/null | openssl x509 2>/dev/null); then
    echo "no certificate from $host:$port" >&2
    exit 1
fi

# Whether the certificate is still valid SECONDS from now.
valid_for() {
    printf '%s\n' "$pem" | openssl x509 -noout -checkend "$1" >/dev/null 2>&1
}

if ! valid_for 0; then
    echo "-1"
    exit 0
fi
# Largest whole number of days it stays valid, by halving [0, 3650] days.
low=0
high=3650
if valid_for $((high * 86400)); then
    echo "$high"
    exit 0
fi
while [ $((high - low)) -gt 1 ]; do
    middle=$(((low + high) / 2))
    if valid_for $((middle * 86400)); then
        low=$middle
    else
        high=$middle
    fi
done
echo "$low"
