#!/usr/bin/env bash
# The check step of action.yml: annotations for the pull request, then the SARIF report (from the
# cache: the second run reads nothing again). Inputs come in the environment, never pasted into code.
set -uo pipefail
read -r -a paths <<< "${PATHS:-.}"
read -r -a args <<< "${ARGS:-}"
chronolint check "${paths[@]}" "${args[@]}" --format github
code=$?
if [ "${SARIF:-true}" = true ]; then
    chronolint check "${paths[@]}" "${args[@]}" --format sarif --output "${SARIF_FILE:-chronolint.sarif}" --exit-zero
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
