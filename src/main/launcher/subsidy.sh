#!/bin/sh
# subsidy launcher: this file is a shell script followed by the jar itself, so it can be copied
# alone onto PATH. Java reads the jar from the end of the file and ignores this header.
exec java ${SUBSIDY_JAVA_OPTS:-} -jar "$0" "$@"
