# Sourced by the script .ci/walkthrough.mjs writes: runs the README's commands one by one and fails on a curl
# that got a 4xx or 5xx (or could not connect), on a command that prints nothing where the README shows output, and
# on a download that did not happen. curl is wrapped: --fail-with-body unless the command asks for -f itself.
set -e
__out=$(mktemp)
__failures=$(mktemp)
__where=""
__expect=-
__commands=0
# on a failure inside a command, stdout still goes to $__out: tell on stderr
trap 'status=$?; if [ $status -ne 0 ]; then cat "$__out" "$__failures" >&2
  echo "walkthrough: FAILED at $__where (exit $status)" >&2; fi' EXIT

curl() {
  if [ "$__expect" != - ]; then
    local body code
    body=$(mktemp)
    code=$(command curl -s -o "$body" -w '%{http_code}' "$@") || true
    cat "$body"
    [ "$code" = "$__expect" ] || echo "curl $*: HTTP $code, expected $__expect" >> "$__failures"
    return 0
  fi
  local fail=--fail-with-body argument status=0
  for argument in "$@"; do
    case $argument in
      --fail|--fail-with-body|-[!-]*f*) fail= ;;
    esac
  done
  command curl $fail "$@" || status=$?
  # 23: a reader such as head stopped reading, which is what the README asks of it
  if [ $status -ne 0 ] && [ $status -ne 23 ]; then
    echo "curl $*: exit $status (22: an HTTP error)" >> "$__failures"
  fi
  return $status
}

__begin() { # location, expected status or -
  __where=$1
  __expect=$2
  __commands=$((__commands + 1))
  echo "\$ [$__where]"
}

__end() { # 1 if the README shows output, then the files written with -o
  local shown=$1 file
  shift
  cat "$__out"
  if [ -s "$__out" ] && [ -n "$(tail -c 1 "$__out")" ]; then
    echo # the JSON the service answers ends without a newline
  fi
  if [ -s "$__failures" ]; then
    echo "walkthrough: FAILED at $__where"
    cat "$__failures"
    exit 1
  fi
  if [ "$shown" = 1 ] && [ ! -s "$__out" ]; then
    echo "walkthrough: FAILED at $__where: the README shows output under a command that prints nothing"
    exit 1
  fi
  for file in "$@"; do
    file=$(eval "printf '%s' $file")
    if [ ! -s "$file" ]; then
      echo "walkthrough: FAILED at $__where: $file was not written"
      exit 1
    fi
  done
}

__done() {
  echo "walkthrough: $__commands passed, 0 failed"
}
