#!/usr/bin/env bash
# The GitHub Action's scan step (action.yml): one scan to JSON, then SARIF and the Markdown job
# summary rendered from it, and the scan's exit code passed on. Inputs arrive as INPUT_* variables.
set -uo pipefail

if [ -n "${INPUT_VERSION:-}" ]; then
  bookfirst=(npx --yes "bookfirst@$INPUT_VERSION")
else
  bookfirst=(node "${ACTION_PATH:?}/bin/bookfirst.js")
fi
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
report="$tmp/bookfirst-report.json"
args=(scan "${INPUT_PATH:-.}" --format json -o "$report" --fail-on "${INPUT_FAIL_ON:-info}")
for check in ${INPUT_CHECKS:-}; do args+=(--check "$check"); done
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi

"${bookfirst[@]}" "${args[@]}"
code=$?
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
if [ "$code" -ge 2 ]; then
  echo "::error title=bookfirst::the scan could not run (exit code $code); see the log above"
  exit "$code"
fi

sarif="${INPUT_SARIF_FILE:-bookfirst.sarif}"
"${bookfirst[@]}" render "$report" --format sarif -o "$sarif" || exit 2
echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
if [ "${INPUT_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  "${bookfirst[@]}" render "$report" --format markdown --link-base "${LINK_BASE:-}" >> "$GITHUB_STEP_SUMMARY" || exit 2
fi
exit "$code"
