# Renames of issue 14 (feat/straighten). Run over code written against main's names, whole file at once:
#   sed -z -i -f RENAMES.sed $(git diff --name-only main... -- '*.java' '*.html')
# (-z: GNU sed treats each file as one pattern space, so the conditional lines below can look at the
#  package and imports of the file.) Step 1 renamed nothing; see the steps below.
