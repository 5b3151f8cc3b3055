# Copies what the pages need into the build's assets folder: GOV.UK Frontend
# and MOJ Frontend (from web/node_modules, installed by `npm ci`) and
# Beacon's own files (web/assets). GOV.UK's @font-face rules are removed:
# Beacon is not a GOV.UK service and does not serve the GDS Transport font.
# Variables: SRC (the repository), OUT (the assets folder).
set(govuk ${SRC}/web/node_modules/govuk-frontend/dist/govuk)
set(moj ${SRC}/web/node_modules/@ministryofjustice/frontend/moj)
file(MAKE_DIRECTORY ${OUT})
if(EXISTS ${govuk}/govuk-frontend.min.css)
  file(READ ${govuk}/govuk-frontend.min.css css)
  string(REGEX REPLACE "@font-face{[^}]*}" "" css "${css}")
  string(REGEX REPLACE "/\\*# sourceMappingURL=[^*]*\\*/" "" css "${css}")
  file(WRITE ${OUT}/govuk-frontend.min.css "${css}")
  file(READ ${govuk}/govuk-frontend.min.js js)
  string(REGEX REPLACE "//# sourceMappingURL=[^\n]*" "" js "${js}")
  file(WRITE ${OUT}/govuk-frontend.min.js "${js}")
  file(COPY ${govuk}/assets/images DESTINATION ${OUT})
  file(READ ${moj}/moj-frontend.min.css css)
  string(REGEX REPLACE "/\\*# sourceMappingURL=[^*]*\\*/" "" css "${css}")
  file(WRITE ${OUT}/moj-frontend.min.css "${css}")
  file(READ ${moj}/moj-frontend.min.js js)
  string(REGEX REPLACE "//# sourceMappingURL=[^\n]*" "" js "${js}")
  file(WRITE ${OUT}/moj-frontend.min.js "${js}")
else()
  message(WARNING "web/node_modules is missing: run scripts/setup-debian.sh (npm ci in web/). "
                  "Pages will be served without GOV.UK Frontend's styles.")
endif()
file(GLOB own ${SRC}/web/assets/*)
file(COPY ${own} DESTINATION ${OUT})
