#!/bin/sh
# Prints a JDK home of version 21 or newer: $JAVA_HOME if it qualifies, else the java on the PATH,
# else the newest JDK under /usr/lib/jvm. Prints nothing (exit 1) when there is none.
# Used by ./mvnw and .ci/run, so a machine whose default java is older (17 here) still builds.
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
ok() { [ -x "$1/bin/javac" ] && v=$(major "$1") && [ -n "$v" ] && [ "$v" -ge 21 ]; }
if [ -n "${JAVA_HOME-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
if command -v javac >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if ok "$home"; then echo "$home"; exit 0; fi
fi
best=""; bestv=0
for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.jdks/*; do
  [ -d "$home" ] || continue
  if ok "$home" && [ "$v" -gt "$bestv" ]; then best=$home; bestv=$v; fi
done
[ -n "$best" ] && echo "$best" && exit 0
exit 1
