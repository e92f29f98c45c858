#!/bin/sh
# Lists the largest directories under PATH, biggest first, in KiB, staying on PATH's file system: what filled the
# disk, for a person to decide what may go. Reads only; deletes nothing.
#
# Usage: largest-paths.sh PATH [COUNT]
#
# Every value arrives as an argument and is only ever expanded inside double quotes: nothing here is evaluated.
set -eu

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
    echo "usage: largest-paths.sh PATH [COUNT]" >&2
    exit 2
fi
target=$1
count=${2:-20}
case $count in
    '' | *[!0-9]*)
        echo "COUNT must be a whole number, was: $count" >&2
        exit 2
        ;;
esac
if [ ! -d "$target" ]; then
    echo "not a directory: $target" >&2
    exit 2
fi

# Unreadable directories are left out rather than failing the listing.
du -x -k -- "$target" 2>/dev/null | sort -rn | head -n "$count"
