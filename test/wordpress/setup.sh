#!/usr/bin/env bash
# A throwaway WordPress for test/wordpress/wordpress.test.ts, from Debian's packages:
#   test/wordpress/setup.sh start ZIP DIR   installs the packages if missing (needs root and apt),
#                                           copies WordPress into DIR/site, starts MariaDB and PHP's
#                                           built-in server on 127.0.0.1, installs WordPress, installs
#                                           and activates the plugin from ZIP the way Plugins → Upload
#                                           does, adds the test users and a CSV to the media library,
#                                           and writes DIR/state.json (URL, logins) for the test.
#   test/wordpress/setup.sh stop DIR        stops what start started.
# Nothing outside DIR is written except Debian's packages.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command="${1:-}"

# Each server runs in a process group of its own (setsid), so stopping it also stops its children
# (PHP's workers): the group is killed, nothing found by name.
stop() {
  local dir="$1"
  for name in php mariadb; do
    if [ -f "$dir/$name.pid" ]; then
      kill -- "-$(cat "$dir/$name.pid")" 2>/dev/null || true
      rm -f "$dir/$name.pid"
    fi
  done
}

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Waits (up to $2 seconds) until the command in $1 succeeds: a readiness check, not a guess at a delay.
wait_for() {
  local check="$1" limit="$2" start=$SECONDS
  until eval "$check" >/dev/null 2>&1; do
    if (( SECONDS - start > limit )); then echo "setup.sh: gave up waiting for: $check" >&2; return 1; fi
    sleep 0.2
  done
}

case "$command" in
  stop)
    stop "${2:?usage: setup.sh stop DIR}"
    exit 0
    ;;
  start) ;;
  *) echo "usage: setup.sh start ZIP DIR | setup.sh stop DIR" >&2; exit 2 ;;
esac

zip="$(cd "$(dirname "${2:?usage: setup.sh start ZIP DIR}")" && pwd)/$(basename "$2")"
dir="${3:?usage: setup.sh start ZIP DIR}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
stop "$dir"

packages=(wordpress wordpress-theme-twentytwentythree php-cli php-mysql mariadb-server)
have_packages() {
  [ -f /usr/share/wordpress/wp-settings.php ] && [ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] \
    && { command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ]; } && php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null
}
if ! have_packages; then
  echo "setup.sh: installing ${packages[*]} from Debian's packages…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; }
fi
mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)

# WordPress: Debian's files, copied (links followed) so the site has a wp-config.php of its own.
rm -rf "$dir/site" "$dir/db"
cp -rL /usr/share/wordpress "$dir/site"
rm -f "$dir/site/wp-config.php"
rm -rf "$dir/site/wp-content/plugins/akismet"
mkdir -p "$dir/site/wp-content/uploads" "$dir/site/wp-content/mu-plugins"
cp "$here/mu-plugin.php" "$dir/site/wp-content/mu-plugins/conversation-reports-test.php"

# MariaDB: a private server on 127.0.0.1 with its data in DIR.
db_port=$(free_port)
db_password=$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')
mariadb-install-db --no-defaults --user=root --datadir="$dir/db" --auth-root-authentication-method=socket --skip-test-db >"$dir/mariadb-install.log" 2>&1
setsid "$mariadbd" --no-defaults --user=root --datadir="$dir/db" --socket="$dir/mariadb.sock" --port="$db_port" \
  --bind-address=127.0.0.1 --skip-name-resolve --pid-file="$dir/mariadb.pid.real" --log-error="$dir/mariadb.log" \
  --innodb-flush-log-at-trx-commit=0 --skip-log-bin >/dev/null 2>&1 &
echo $! >"$dir/mariadb.pid"
wait_for "mariadb-admin --no-defaults --socket='$dir/mariadb.sock' -uroot ping" 60
mariadb --no-defaults --socket="$dir/mariadb.sock" -uroot <<SQL
CREATE DATABASE wordpress CHARACTER SET utf8mb4;
CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY '$db_password';
GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';
SQL

# PHP's built-in server, with workers: the plugin's data proxy calls back into the same site.
port=$(free_port)
url="http://127.0.0.1:$port"
cat >"$dir/site/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', '$db_password' );
define( 'DB_HOST', '127.0.0.1:$db_port' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'FS_METHOD', 'direct' );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$dir/debug.log' );
PHP
for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
  echo "define( '$key', '$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')' );" >>"$dir/site/wp-config.php"
done
cat >>"$dir/site/wp-config.php" <<'PHP'
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP

PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "$dir/site" >"$dir/php-server.log" 2>&1 &
echo $! >"$dir/php.pid"
wait_for "node -e 'fetch(\"$url/wp-includes/images/blank.gif\").then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))'" 30

# WordPress itself, then the plugin from the zip, users and content (test/wordpress/install.php).
php "$here/install.php" install "$dir/site" "$url" "$zip" "$dir/state.json" "$here/../fixtures/declarative/conversations.csv"
php "$here/install.php" configure "$dir/site" "$url" "$zip" "$dir/state.json" "$here/../fixtures/declarative/conversations.csv"
echo "setup.sh: WordPress at $url (state in $dir/state.json)"
