#!/bin/sh
# subsidy launcher: this file is a shell script followed by the jar itself, so it can be copied
# alone onto PATH. Java reads the jar from the end of the file and ignores this header.
#
# Java takes file names on the command line and on disk in the locale's encoding: under LC_ALL=C, as
# cron runs jobs, a Chinese file name would arrive as question marks. Any locale that is not UTF-8 is
# therefore run as C.UTF-8 (the program's own texts and outputs are UTF-8 whatever the locale).
# -XX:+DisplayVMOutputToStderr: what the JVM prints itself (a thread dump on Ctrl-\ or SIGQUIT) goes to
# standard error, never into a report written to standard output. -XX:-UsePerfData: no hsperfdata file
# in /tmp, about 20 ms of every start (jps and jstat do not list the run).
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
  *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) ;;
  *) LC_ALL=C.UTF-8; export LC_ALL ;;
esac
exec java -XX:+DisplayVMOutputToStderr -XX:-UsePerfData -Dfile.encoding=UTF-8 ${SUBSIDY_JAVA_OPTS:-} -jar "$0" "$@"
