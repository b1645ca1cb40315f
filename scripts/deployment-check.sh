#!/usr/bin/env bash
# Follows docs/deployment.md on this machine, step by step, in a temporary folder instead of /etc and /opt:
# PostgreSQL role and database, `gongkai db migrate`, three processes started with the unit's ExecStart and the
# environment file, the guide's nginx configuration over HTTPS (self-signed), a session begun through nginx and
# continued by the other processes, pg_dump backup restored into a new database and verified, the unit files and the
# logrotate file checked, and a rolling restart (the upgrade step) with requests flowing throughout.
# Needs: PostgreSQL reachable as postgres@127.0.0.1 (trust), nginx, openssl, curl; systemd-analyze and logrotate when
# present. Run from the project root: bash scripts/deployment-check.sh
set -euo pipefail

ROOT=$(pwd)
WORK=$(mktemp -d /tmp/gongkai-deploy.XXXXXX)
PG="psql -X -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1"
DB=gongkai_deploy_check
ROLE=gongkai_deploy_check
PASS="Dbpass-$(openssl rand -hex 6)"
PORTS=(3101 3102 3103)
HTTPS_PORT=8443
PIDS=()
passed=0

ok() { passed=$((passed + 1)); echo "  ✓ $*"; }
fail() { echo "  ✗ $*" >&2; exit 1; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true
  wait 2>/dev/null || true
  $PG -c "drop database if exists $DB" -c "drop database if exists ${DB}_restore" -c "drop role if exists $ROLE" \
    >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "按 docs/deployment.md 部署到临时目录 $WORK"

echo "3. 数据库"
$PG -c "drop database if exists $DB" -c "drop database if exists ${DB}_restore" -c "drop role if exists $ROLE"
$PG -c "create role $ROLE login password '$PASS'" -c "create database $DB owner $ROLE"
ok "角色 $ROLE 和数据库 $DB 已建立"

echo "4. 配置文件"
cat > "$WORK/gongkai.env" <<EOF
DATABASE_URL=postgres://$ROLE:$PASS@127.0.0.1:5432/$DB
GONGKAI_DEMO=0
GONGKAI_SECURE_COOKIES=1
GONGKAI_TRUST_PROXY=1
GONGKAI_LOG_LEVEL=info
EOF
chmod 640 "$WORK/gongkai.env"
ok "环境文件已写入"
gk() { (set -a; . "$WORK/gongkai.env"; set +a; "$ROOT/bin/gongkai.js" "$@"); }

echo "5. 建立数据库结构"
gk db migrate > "$WORK/migrate.log"
gk db status > "$WORK/status.log"
grep -q "未执行" "$WORK/status.log" && fail "仍有未执行的迁移：$(cat "$WORK/status.log")"
ok "gongkai db migrate：$(grep -c . "$WORK/status.log") 行状态，没有未执行的迁移"

echo "6. systemd 单元"
extract_block() { # the first fenced block after a heading line matching $1
  awk -v start="$1" 'index($0, start) {found=1} found && /^ *```/ {if (inside) exit; inside=1; next} inside && found {print}' \
    docs/deployment.md
}
extract_block '`/etc/systemd/system/gongkai@.service`' > "$WORK/gongkai@.service"
grep -q '^ExecStart=' "$WORK/gongkai@.service" || fail "指南中没有找到单元文件"
EXEC=$(sed -n 's/^ExecStart=//p' "$WORK/gongkai@.service" | sed "s#/opt/gongkai#$ROOT#g")
if command -v systemd-analyze > /dev/null; then
  sed -e "s#/opt/gongkai#$ROOT#g" -e 's/^User=gongkai/User=root/' -e 's/^Group=gongkai/Group=root/' \
    "$WORK/gongkai@.service" > "$WORK/gongkai@3101.service"
  if systemd-analyze verify "$WORK/gongkai@3101.service" 2> "$WORK/analyze.log"; then
    ok "systemd-analyze verify：单元文件无误"
  else
    grep -v -e 'Failed to connect' -e 'System has not been booted' "$WORK/analyze.log" | grep -q . &&
      fail "systemd-analyze verify：$(cat "$WORK/analyze.log")"
    ok "systemd-analyze verify：单元文件无误（本机没有以 systemd 启动，只做静态检查）"
  fi
fi
for port in "${PORTS[@]}"; do
  (set -a; . "$WORK/gongkai.env"; PORT=$port HOST=127.0.0.1 NODE_ENV=production; set +a; cd "$ROOT"; exec $EXEC) \
    > "$WORK/server-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" > /dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$port/readyz" > /dev/null || fail "端口 $port 未就绪：$(tail -5 "$WORK/server-$port.log")"
done
ok "按 ExecStart（$EXEC）启动 3 个进程，/readyz 均就绪"
ADMIN_PASSWORD=$(sed -n 's/^ *密码：//p' "$WORK/server-${PORTS[0]}.log" | head -1)
[ -n "$ADMIN_PASSWORD" ] || fail "首个进程没有打印 admin 的初始密码"
ok "首个进程打印了 admin 的初始密码（只此一次）"
grep -q '密码：' "$WORK/server-${PORTS[1]}.log" && fail "第二个进程又打印了密码"
ok "其余进程不再打印密码"

echo "7. nginx 与 HTTPS"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -keyout "$WORK/xxgk.key" -out "$WORK/xxgk.crt" 2> /dev/null
extract_block '`/etc/nginx/sites-available/gongkai`' |
  sed -e "s#127.0.0.1:3001#127.0.0.1:${PORTS[0]}#; s#127.0.0.1:3002#127.0.0.1:${PORTS[1]}#; s#127.0.0.1:3003#127.0.0.1:${PORTS[2]}#" \
    -e "s#listen 443 ssl#listen 127.0.0.1:$HTTPS_PORT ssl#; s#listen 80;#listen 127.0.0.1:8080;#" \
    -e "s#/etc/nginx/tls/#$WORK/#; s#/var/log/nginx/#$WORK/#" > "$WORK/site.conf"
cat > "$WORK/nginx.conf" <<EOF
pid $WORK/nginx.pid;
error_log $WORK/nginx-main.error.log;
events { worker_connections 256; }
http {
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp;
  fastcgi_temp_path $WORK/tmp; uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  include $WORK/site.conf;
}
EOF
mkdir -p "$WORK/tmp"
nginx -t -c "$WORK/nginx.conf" -p "$WORK" 2> "$WORK/nginx-t.log" || fail "nginx -t：$(cat "$WORK/nginx-t.log")"
ok "nginx -t：指南中的配置有效"
nginx -c "$WORK/nginx.conf" -p "$WORK"
for _ in $(seq 1 20); do curl -sfk "https://127.0.0.1:$HTTPS_PORT/readyz" > /dev/null && break; sleep 0.25; done
BASE="https://127.0.0.1:$HTTPS_PORT"
curl -sfk "$BASE/readyz" | grep -q '"ok"' || fail "经 nginx 的 /readyz 不正常"
ok "经 nginx（HTTPS）访问 /readyz 正常"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:8080/")" = 301 ] || fail "HTTP 没有跳转到 HTTPS"
ok "HTTP 跳转到 HTTPS（301）"
curl -skI "$BASE/" | grep -qi '^strict-transport-security:' || fail "没有 HSTS 头"
ok "HTTPS 响应带 HSTS 头"

echo "   登录一次，会话由其他进程接续"
JAR="$WORK/cookies"
page=$(curl -sk -c "$JAR" -b "$JAR" "$BASE/console/login")
token=$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
code=$(curl -sk -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR" -b "$JAR" -H "Origin: $BASE" \
  --data-urlencode "_csrf=$token" --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" \
  --data-urlencode "next=/console" "$BASE/console/login")
case "$code" in 30[23]*) ;; *) fail "登录失败：$code" ;; esac
grep -q '__Host-' "$JAR" || fail "会话 Cookie 没有 __Host- 前缀（GONGKAI_SECURE_COOKIES）"
ok "经 nginx 以 admin 登录（$code），会话 Cookie 为 __Host- 且仅限 HTTPS"
before=()
for port in "${PORTS[@]}"; do before+=("$(grep -c '"url":"/console/password"\|"path":"/console/password"' "$WORK/server-$port.log" || true)"); done
for _ in $(seq 1 9); do
  status=$(curl -sk -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE/console/password")
  [ "$status" = 200 ] || fail "已登录的会话在某个进程上失效：/console/password 返回 $status"
done
served=0
i=0
for port in "${PORTS[@]}"; do
  after=$(grep -c '"url":"/console/password"\|"path":"/console/password"' "$WORK/server-$port.log" || true)
  [ "$after" -gt "${before[$i]}" ] && served=$((served + 1))
  i=$((i + 1))
done
[ "$served" = 3 ] || fail "9 次请求只到达了 $served 个进程"
ok "同一会话的 9 次请求分布到全部 3 个进程，均为已登录状态"

echo "8. 备份与恢复"
pg_dump -h 127.0.0.1 -U postgres --format=custom --file="$WORK/gongkai.dump" "$DB"
pg_restore --list "$WORK/gongkai.dump" > /dev/null
$PG -c "create database ${DB}_restore owner $ROLE"
pg_restore -h 127.0.0.1 -U postgres --no-owner --role="$ROLE" --dbname="${DB}_restore" "$WORK/gongkai.dump"
verify=$( (set -a; . "$WORK/gongkai.env"; DATABASE_URL="postgres://$ROLE:$PASS@127.0.0.1:5432/${DB}_restore"; set +a
  "$ROOT/bin/gongkai.js" audit verify) 2>&1) || fail "恢复后的审计链核验失败：$verify"
ok "pg_dump 备份 $(du -h "$WORK/gongkai.dump" | cut -f1)，恢复到新库后 gongkai audit verify 通过"
original=$(gk audit verify 2>&1 | tail -1)
[ "$(printf '%s' "$verify" | tail -1)" = "$original" ] || fail "恢复库与原库的审计链末条不同"
ok "恢复库与原库的审计链末条相同"

echo "9. 日志保存六个月"
extract_block '`/etc/systemd/journald.conf.d/gongkai.conf`' | grep -q 'MaxRetentionSec=7month' || fail "journald 配置缺失"
ok "journald 配置：MaxRetentionSec=7month"
if command -v logrotate > /dev/null; then
  extract_block '`/etc/logrotate.d/gongkai-nginx`' | sed "s#/var/log/nginx/#$WORK/#" > "$WORK/logrotate.conf"
  logrotate --debug --state "$WORK/logrotate.state" "$WORK/logrotate.conf" > "$WORK/logrotate.log" 2>&1 ||
    fail "logrotate：$(cat "$WORK/logrotate.log")"
  grep -q 'rotate 190' "$WORK/logrotate.conf" && ok "logrotate --debug：配置有效，按日轮转保留 190 份"
fi

echo "10. 升级：逐个重启，其间访问不中断"
(
  failures=0
  total=0
  while [ ! -f "$WORK/stop-load" ]; do
    total=$((total + 1))
    code=$(curl -sk -o /dev/null -w '%{http_code}' "$BASE/catalog" || true)
    [ "$code" = 200 ] || { failures=$((failures + 1)); echo "$code" >> "$WORK/load-failures"; }
  done
  echo "$total $failures" > "$WORK/load-result"
) &
LOAD=$!
gk db migrate > /dev/null
for idx in 0 1 2; do
  port=${PORTS[$idx]}
  kill -TERM "${PIDS[$idx]}"
  wait "${PIDS[$idx]}" 2>/dev/null || true
  (set -a; . "$WORK/gongkai.env"; PORT=$port HOST=127.0.0.1 NODE_ENV=production; set +a; cd "$ROOT"; exec $EXEC) \
    >> "$WORK/server-$port.log" 2>&1 &
  PIDS[$idx]=$!
  until curl -sf "http://127.0.0.1:$port/readyz" > /dev/null; do sleep 0.25; done
  sleep 5 # as the guide's loop: nginx uses the process again after fail_timeout
done
touch "$WORK/stop-load"
wait "$LOAD"
read -r total failures < "$WORK/load-result"
[ "$failures" = 0 ] || fail "逐个重启期间 $failures / $total 次访问失败（状态：$(sort "$WORK/load-failures" | uniq -c | tr '\n' ' ')；$(grep -h 'upstream' "$WORK"/gongkai.error.log | tail -3)）"
ok "逐个重启 3 个进程期间经 nginx 访问 $total 次，失败 0 次"

echo "$passed passed, 0 failed"
