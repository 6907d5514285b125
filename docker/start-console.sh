#!/bin/sh
# The console's production launch (issue 18), used by docker-compose.yml, the README and StartupBenchmark:
#   start-console.sh <console jar> <cache directory> [console arguments...]
# The jar is extracted into the cache directory and trained once per jar and JDK, then every start uses:
#   - the application context processed ahead of time (Spring AOT, -Dspring.aot.enabled=true);
#   - on Java 24 or later, the JDK's AOT cache (JEP 483/514/515: classes loaded and linked, method
#     profiles, so the JIT compilers start from a trained profile instead of re-learning the start-up);
#   - on older JDKs (Java 17), a class-data-sharing archive (Spring Boot's CDS launch).
# JAVA selects the java binary (default: java on the PATH); JAVA_OPTS are passed to it.
set -e
JAR=$1
CACHE=$2
shift 2
JAVA=${JAVA:-java}
VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
FEATURE=${VERSION%%.*}
if [ "$FEATURE" -ge 24 ] 2>/dev/null; then
  TRAIN="-XX:AOTCacheOutput=$CACHE/app/console.aot"
  USE="-XX:AOTCache=$CACHE/app/console.aot"
  QUIET="-Xlog:aot=off -Xlog:cds=off"
else
  TRAIN="-XX:ArchiveClassesAtExit=$CACHE/app/console.jsa"
  USE="-XX:SharedArchiveFile=$CACHE/app/console.jsa"
  QUIET="-Xlog:cds=off"
fi
# the training's own version is part of the sum, so a changed training re-trains existing caches
SUM="$(cksum < "$JAR") java $VERSION training 2"
if [ "$SUM" != "$(cat "$CACHE/jar.sum" 2>/dev/null)" ]; then
  rm -rf "$CACHE/app"
  mkdir -p "$CACHE"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$CACHE/app"
  # training run: starts the console, which once ready sends itself the first requests of a start over HTTPS
  # (health, login page, API; no credentials, trusting only its own certificate, whatever name it was issued
  # for), then exits and writes the archive or cache with the classes and method profiles of those requests too
  "$JAVA" $TRAIN $QUIET -Dspring.aot.enabled=true -Dconsole.startup-training=true \
    -Djdk.internal.httpclient.disableHostnameVerification=true \
    -jar "$CACHE/app/$(basename "$JAR")" "$@"
  echo "$SUM" > "$CACHE/jar.sum"
fi
# shellcheck disable=SC2086
exec "$JAVA" $USE $QUIET $JAVA_OPTS -Dspring.aot.enabled=true -jar "$CACHE/app/$(basename "$JAR")" "$@"
