<?php
/**
 * The settings page (Settings → Conversation reports).
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

/**
 * Where the data comes from, the default locale and time zone, who may look, and the SLA and
 * business-hours settings. Administrators only (`manage_options`); the form goes through
 * options.php, which checks the nonce `settings_fields()` prints, and every field is sanitized
 * here before it is stored. The REST secret is kept in an option of its own that is never
 * printed: not into the form, not into a page.
 */
class Conversation_Reports_Settings {

	const OPTION        = 'conversation_reports_settings';
	const SECRET_OPTION = 'conversation_reports_rest_secret';
	/** The report server's secret, read only by the server proxy. */
	const SERVER_SECRET_OPTION = 'conversation_reports_server_secret';
	const GROUP         = 'conversation_reports';
	const PAGE          = 'conversation-reports';

	/** Hooks. */
	public static function init() {
		add_action( 'admin_init', array( __CLASS__, 'register' ) );
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ) );
	}

	/** What a fresh site has. */
	public static function defaults() {
		return array(
			'source_type'       => 'sample',
			'sample_size'       => 2000,
			'csv_attachment_id' => 0,
			'rest_url'          => '',
			'rest_header'       => 'Authorization',
			'server_url'        => '',
			'server_header'     => 'Authorization',
			'locale'            => '',
			'time_zone'         => '',
			'public'            => false,
			'business_hours'    => '',
			'sla'               => '',
		);
	}

	/** The stored settings over the defaults. */
	public static function get() {
		$stored = get_option( self::OPTION, array() );
		return array_merge( self::defaults(), is_array( $stored ) ? array_intersect_key( $stored, self::defaults() ) : array() );
	}

	/** Whether a REST secret is stored (the secret itself is read only by the data proxy). */
	public static function has_secret() {
		return '' !== (string) get_option( self::SECRET_OPTION, '' );
	}

	/** Whether a report-server secret is stored (the secret itself is read only by the server proxy). */
	public static function has_server_secret() {
		return '' !== (string) get_option( self::SERVER_SECRET_OPTION, '' );
	}

	/** The locale for the kit: the setting, else the site's (`en_US` → `en-US`). */
	public static function locale() {
		$locale = self::get()['locale'];
		return '' !== $locale ? $locale : str_replace( '_', '-', determine_locale() );
	}

	/**
	 * The IANA time zone for the kit: the setting, else the site's. A site set to a UTC offset
	 * ("UTC+2") has no IANA name; whole-hour offsets become `Etc/GMT-2` (POSIX signs are inverted),
	 * others null (each reader's own zone).
	 *
	 * @return string|null
	 */
	public static function time_zone() {
		$zone = self::get()['time_zone'];
		if ( '' !== $zone ) {
			return $zone;
		}
		$site = wp_timezone_string();
		if ( 'UTC' === $site || false !== strpos( $site, '/' ) ) {
			return $site;
		}
		if ( preg_match( '/^([+-])(\d{2}):00$/', $site, $match ) ) {
			$hours = (int) $match[2];
			if ( 0 === $hours ) {
				return 'UTC';
			}
			return 'Etc/GMT' . ( '+' === $match[1] ? '-' : '+' ) . $hours;
		}
		return null;
	}

	/** Registers the option with its sanitizer. */
	public static function register() {
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitize' ),
				'default'           => self::defaults(),
				'show_in_rest'      => false,
			)
		);
	}

	/** Settings → Conversation reports, for administrators. */
	public static function add_page() {
		add_options_page(
			__( 'Conversation reports', 'conversation-reports' ),
			__( 'Conversation reports', 'conversation-reports' ),
			'manage_options',
			self::PAGE,
			array( __CLASS__, 'render_page' )
		);
	}

	/**
	 * Turns the posted form into settings; a bad field keeps its previous value and says why.
	 *
	 * @param mixed $input Posted values.
	 * @return array
	 */
	public static function sanitize( $input ) {
		$old   = self::get();
		$input = is_array( $input ) ? wp_unslash( $input ) : array();
		$clean = $old;

		if ( isset( $input['source_type'] ) && in_array( $input['source_type'], array( 'sample', 'csv', 'rest', 'server' ), true ) ) {
			$clean['source_type'] = $input['source_type'];
		}
		if ( isset( $input['sample_size'] ) ) {
			$clean['sample_size'] = max( 1, min( 1000000, absint( $input['sample_size'] ) ) );
		}
		if ( isset( $input['csv_attachment_id'] ) ) {
			$id = absint( $input['csv_attachment_id'] );
			if ( 0 === $id || self::is_csv_attachment( $id ) ) {
				$clean['csv_attachment_id'] = $id;
			} else {
				self::complain( 'csv_attachment_id', __( 'Choose a CSV file from the media library.', 'conversation-reports' ) );
			}
		}
		foreach ( array( 'rest_url', 'server_url' ) as $field ) {
			if ( isset( $input[ $field ] ) ) {
				$url = trim( (string) $input[ $field ] );
				if ( '' === $url ) {
					$clean[ $field ] = '';
				} elseif ( self::is_http_url( $url ) || 0 === strpos( $url, '/' ) ) {
					$clean[ $field ] = esc_url_raw( $url, array( 'http', 'https' ) );
				} else {
					self::complain( $field, __( 'Give an http or https URL.', 'conversation-reports' ) );
				}
			}
		}
		foreach ( array( 'rest_header', 'server_header' ) as $field ) {
			if ( isset( $input[ $field ] ) ) {
				$header = trim( (string) $input[ $field ] );
				if ( preg_match( '/^[A-Za-z0-9-]{1,64}$/', $header ) && ! in_array( strtolower( $header ), array( 'host', 'content-type', 'content-length', 'cookie', 'connection' ), true ) ) {
					$clean[ $field ] = $header;
				} else {
					self::complain( $field, __( 'A header name is letters, digits and dashes, and not one HTTP itself sets (Host, Content-Type, Content-Length, Cookie, Connection).', 'conversation-reports' ) );
				}
			}
		}
		if ( isset( $input['locale'] ) ) {
			$locale = trim( str_replace( '_', '-', (string) $input['locale'] ) );
			if ( '' === $locale || preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/', $locale ) ) {
				$clean['locale'] = $locale;
			} else {
				self::complain( 'locale', __( 'A locale is a language tag such as "en", "fr" or "nl-BE".', 'conversation-reports' ) );
			}
		}
		if ( isset( $input['time_zone'] ) ) {
			$zone = (string) $input['time_zone'];
			if ( '' === $zone || 'UTC' === $zone || in_array( $zone, timezone_identifiers_list(), true ) ) {
				$clean['time_zone'] = $zone;
			} else {
				self::complain( 'time_zone', __( 'Choose a time zone from the list.', 'conversation-reports' ) );
			}
		}
		if ( array_key_exists( 'source_type', $input ) ) {
			// A checkbox that is not ticked is not posted: the form is the whole truth.
			$clean['public'] = ! empty( $input['public'] );
		}
		foreach ( array( 'business_hours', 'sla' ) as $field ) {
			if ( isset( $input[ $field ] ) ) {
				$text = trim( (string) $input[ $field ] );
				if ( '' === $text ) {
					$clean[ $field ] = '';
					continue;
				}
				$value  = json_decode( $text );
				$issues = 'sla' === $field ? self::sla_issues( $value ) : self::business_hours_issues( $value );
				if ( ! $issues ) {
					$clean[ $field ] = wp_json_encode( $value );
				} else {
					/* translators: %s: what is wrong, field by field */
					self::complain( $field, sprintf( __( 'Not saved: %s', 'conversation-reports' ), implode( '; ', array_slice( $issues, 0, 5 ) ) ) );
				}
			}
		}
		foreach ( array(
			'rest_secret'   => self::SECRET_OPTION,
			'server_secret' => self::SERVER_SECRET_OPTION,
		) as $field => $option ) {
			if ( ! empty( $input[ $field . '_clear' ] ) ) {
				delete_option( $option );
			} elseif ( isset( $input[ $field ] ) && '' !== trim( (string) $input[ $field ] ) ) {
				// A header value is one line: a line break would smuggle a header of its own.
				$secret = trim( (string) $input[ $field ] );
				if ( preg_match( '/^[\x20-\x7e]{1,4096}$/', $secret ) ) {
					update_option( $option, $secret, false );
				} else {
					self::complain( $field, __( 'A secret is printable ASCII on one line; it was not saved.', 'conversation-reports' ) );
				}
			}
		}
		return $clean;
	}

	/**
	 * What is wrong with business hours, in the terms of the kit's schema (`src/core/schema/business-hours.ts`):
	 * `{ timeZone, week: { mon: [["09:00", "17:00"]], … }, holidays?: ["YYYY-MM-DD"], byInbox?: { inboxId: schedule } }`.
	 * The kit checks it again in the page; checking here keeps a typo from breaking every page.
	 *
	 * @param mixed $value Decoded JSON.
	 * @return string[] Empty when valid.
	 */
	public static function business_hours_issues( $value ) {
		$issues = self::schedule_issues( $value, '', array( 'byInbox' ) );
		if ( $value instanceof stdClass && isset( $value->byInbox ) ) {
			if ( ! $value->byInbox instanceof stdClass ) {
				$issues[] = 'byInbox: must be an object of inbox id → schedule';
			} else {
				foreach ( get_object_vars( $value->byInbox ) as $inbox => $schedule ) {
					$issues = array_merge( $issues, self::schedule_issues( $schedule, "byInbox.$inbox.", array() ) );
				}
			}
		}
		return $issues;
	}

	/**
	 * One schedule's issues.
	 *
	 * @param mixed    $value  Decoded JSON.
	 * @param string   $path   Prefix of field names.
	 * @param string[] $extra  Keys allowed besides timeZone, week and holidays.
	 * @return string[]
	 */
	private static function schedule_issues( $value, $path, array $extra ) {
		if ( ! $value instanceof stdClass ) {
			return array( ( '' === $path ? 'the value' : rtrim( $path, '.' ) ) . ': must be a JSON object' );
		}
		$issues = array();
		foreach ( array_keys( get_object_vars( $value ) ) as $key ) {
			if ( ! in_array( $key, array_merge( array( 'timeZone', 'week', 'holidays' ), $extra ), true ) ) {
				$issues[] = "$path$key: is not a business-hours field (timeZone, week, holidays" . ( $extra ? ', ' . implode( ', ', $extra ) : '' ) . ')';
			}
		}
		if ( ! isset( $value->timeZone ) || ! is_string( $value->timeZone ) || ! in_array( $value->timeZone, DateTimeZone::listIdentifiers( DateTimeZone::ALL_WITH_BC ), true ) ) {
			$issues[] = "{$path}timeZone: must be an IANA time zone such as \"Europe/Amsterdam\"";
		}
		if ( ! isset( $value->week ) || ! $value->week instanceof stdClass ) {
			$issues[] = "{$path}week: must be an object such as {\"mon\": [[\"09:00\", \"17:00\"]]}";
		} else {
			foreach ( get_object_vars( $value->week ) as $day => $intervals ) {
				if ( ! in_array( $day, array( 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' ), true ) ) {
					$issues[] = "{$path}week.$day: must be one of mon, tue, wed, thu, fri, sat, sun";
					continue;
				}
				if ( ! is_array( $intervals ) ) {
					$issues[] = "{$path}week.$day: must be a list of [\"HH:MM\", \"HH:MM\"] intervals";
					continue;
				}
				foreach ( $intervals as $index => $interval ) {
					$start = is_array( $interval ) && 2 === count( $interval ) ? self::minutes_of_day( $interval[0] ) : null;
					$end   = is_array( $interval ) && 2 === count( $interval ) ? self::minutes_of_day( $interval[1] ) : null;
					if ( null === $start || null === $end ) {
						$issues[] = "{$path}week.{$day}[$index]: must be two local times [\"HH:MM\", \"HH:MM\"] from 00:00 to 24:00";
					} elseif ( $start >= $end ) {
						$issues[] = "{$path}week.{$day}[$index]: must end after it starts (across midnight, split it in two)";
					}
				}
			}
		}
		if ( isset( $value->holidays ) ) {
			foreach ( is_array( $value->holidays ) ? $value->holidays : array( null ) as $index => $date ) {
				if ( ! is_string( $date ) || ! preg_match( '/^(\d{4})-(\d\d)-(\d\d)$/', $date, $m ) || ! checkdate( (int) $m[2], (int) $m[3], (int) $m[1] ) ) {
					$issues[] = "{$path}holidays[$index]: must be a date \"YYYY-MM-DD\"";
				}
			}
		}
		return $issues;
	}

	/**
	 * Minutes after midnight of "HH:MM" ("24:00" allowed), or null.
	 *
	 * @param mixed $time Value.
	 */
	private static function minutes_of_day( $time ) {
		if ( ! is_string( $time ) || ! preg_match( '/^(\d\d):(\d\d)$/', $time, $m ) ) {
			return null;
		}
		$hours   = (int) $m[1];
		$minutes = (int) $m[2];
		if ( $minutes > 59 || $hours > 24 || ( 24 === $hours && 0 !== $minutes ) ) {
			return null;
		}
		return $hours * 60 + $minutes;
	}

	/**
	 * What is wrong with SLA targets (`{ firstResponseMs?, closeMs?, businessHours? }`, the kit's `slaSchema`).
	 *
	 * @param mixed $value Decoded JSON.
	 * @return string[]
	 */
	public static function sla_issues( $value ) {
		if ( ! $value instanceof stdClass ) {
			return array( 'the value: must be a JSON object such as {"firstResponseMs": 3600000}' );
		}
		$issues = array();
		foreach ( get_object_vars( $value ) as $key => $field ) {
			if ( in_array( $key, array( 'firstResponseMs', 'closeMs' ), true ) ) {
				if ( ! ( is_int( $field ) || is_float( $field ) ) || ! is_finite( (float) $field ) || $field < 0 ) {
					$issues[] = "$key: must be a number of milliseconds ≥ 0";
				}
			} elseif ( 'businessHours' === $key ) {
				if ( ! is_bool( $field ) ) {
					$issues[] = 'businessHours: must be true or false';
				}
			} else {
				$issues[] = "$key: is not an SLA field (firstResponseMs, closeMs, businessHours)";
			}
		}
		return $issues;
	}

	/**
	 * An absolute http(s) URL with a host. Not `wp_http_validate_url`: that refuses hosts of the
	 * local network and ports other than 80, 443 and 8080, where a report server or an API beside
	 * WordPress often is (http://127.0.0.1:8787/reports); the URL is set by an administrator.
	 *
	 * @param string $url URL.
	 */
	private static function is_http_url( $url ) {
		$parts = wp_parse_url( $url );
		return is_array( $parts ) && isset( $parts['scheme'], $parts['host'] ) && in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) && '' !== $parts['host'] && ! preg_match( '/[\s<>"]/', $url );
	}

	/**
	 * Whether an attachment is a CSV file.
	 *
	 * @param int $id Attachment id.
	 */
	public static function is_csv_attachment( $id ) {
		$post = get_post( $id );
		if ( ! $post || 'attachment' !== $post->post_type ) {
			return false;
		}
		$file = (string) get_attached_file( $id );
		return in_array( $post->post_mime_type, array( 'text/csv', 'text/plain', 'application/csv' ), true ) && '.csv' === strtolower( substr( $file, -4 ) );
	}

	/**
	 * A settings error shown above the form.
	 *
	 * @param string $field   Field.
	 * @param string $message Message.
	 */
	private static function complain( $field, $message ) {
		add_settings_error( self::OPTION, 'conversation_reports_' . $field, $message );
	}

	/** The CSV files of the media library, newest first. */
	private static function csv_attachments() {
		return get_posts(
			array(
				'post_type'      => 'attachment',
				'post_mime_type' => array( 'text/csv', 'text/plain', 'application/csv' ),
				'post_status'    => 'inherit',
				'posts_per_page' => 200,
				'orderby'        => 'date',
				'order'          => 'DESC',
			)
		);
	}

	/** The page. */
	public static function render_page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage these settings.', 'conversation-reports' ), 403 );
		}
		$settings = self::get();
		$name     = self::OPTION;
		$site_tz  = wp_timezone_string();
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'Conversation reports', 'conversation-reports' ); ?></h1>
			<p><?php esc_html_e( 'Put a dashboard on any page with the Conversation reports block or the shortcode [conversation_reports dashboard="chat-overview" range="last-30-days"].', 'conversation-reports' ); ?></p>
			<form method="post" action="options.php" id="conversation-reports-settings">
				<?php settings_fields( self::GROUP ); ?>
				<h2><?php esc_html_e( 'Data', 'conversation-reports' ); ?></h2>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><?php esc_html_e( 'Conversations come from', 'conversation-reports' ); ?></th>
						<td><fieldset>
							<?php
							$types = array(
								'sample' => __( 'Sample data (generated in the browser, to try the plugin)', 'conversation-reports' ),
								'csv'    => __( 'A CSV file from the media library', 'conversation-reports' ),
								'rest'   => __( 'A REST endpoint that returns conversations as JSON', 'conversation-reports' ),
								'server' => __( 'The kit\'s server half (conversation-reports/server) at a URL', 'conversation-reports' ),
							);
							if ( ! Conversation_Reports_Embed::kit_supports( 'sourceTypes', 'server' ) && 'server' !== $settings['source_type'] ) {
								// The bundled kit would refuse the source: offer it only with a kit that reads it.
								unset( $types['server'] );
							}
							foreach ( $types as $value => $label ) {
								printf(
									'<label><input type="radio" name="%1$s[source_type]" value="%2$s"%3$s> %4$s</label><br>',
									esc_attr( $name ),
									esc_attr( $value ),
									checked( $settings['source_type'], $value, false ),
									esc_html( $label )
								);
							}
							?>
						</fieldset></td>
					</tr>
					<tr>
						<th scope="row"><label for="cr-sample-size"><?php esc_html_e( 'Sample size', 'conversation-reports' ); ?></label></th>
						<td><input type="number" min="1" max="1000000" id="cr-sample-size" name="<?php echo esc_attr( $name ); ?>[sample_size]" value="<?php echo esc_attr( (string) $settings['sample_size'] ); ?>"></td>
					</tr>
					<tr>
						<th scope="row"><label for="cr-csv"><?php esc_html_e( 'CSV file', 'conversation-reports' ); ?></label></th>
						<td>
							<select id="cr-csv" name="<?php echo esc_attr( $name ); ?>[csv_attachment_id]">
								<option value="0"><?php esc_html_e( '— none —', 'conversation-reports' ); ?></option>
								<?php foreach ( self::csv_attachments() as $attachment ) : ?>
									<option value="<?php echo esc_attr( (string) $attachment->ID ); ?>"<?php selected( (int) $settings['csv_attachment_id'], $attachment->ID ); ?>><?php echo esc_html( get_the_title( $attachment ) . ' (' . wp_basename( (string) get_attached_file( $attachment->ID ) ) . ')' ); ?></option>
								<?php endforeach; ?>
							</select>
							<p class="description"><?php esc_html_e( 'Upload the export in Media → Add New first. Columns are matched by header name (id, channel, status, inboxId, assigneeId, createdAt, …).', 'conversation-reports' ); ?></p>
						</td>
					</tr>
					<tr>
						<th scope="row"><label for="cr-rest-url"><?php esc_html_e( 'REST URL', 'conversation-reports' ); ?></label></th>
						<td><input type="url" class="regular-text" id="cr-rest-url" name="<?php echo esc_attr( $name ); ?>[rest_url]" value="<?php echo esc_attr( $settings['rest_url'] ); ?>"></td>
					</tr>
					<tr>
						<th scope="row"><label for="cr-rest-header"><?php esc_html_e( 'Secret header', 'conversation-reports' ); ?></label></th>
						<td>
							<input type="text" id="cr-rest-header" name="<?php echo esc_attr( $name ); ?>[rest_header]" value="<?php echo esc_attr( $settings['rest_header'] ); ?>">
							<input type="password" id="cr-rest-secret" autocomplete="new-password" name="<?php echo esc_attr( $name ); ?>[rest_secret]" value="" placeholder="<?php echo esc_attr( self::has_secret() ? __( 'stored — leave empty to keep it', 'conversation-reports' ) : __( 'none', 'conversation-reports' ) ); ?>" aria-label="<?php esc_attr_e( 'Secret value', 'conversation-reports' ); ?>">
							<label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[rest_secret_clear]" value="1"> <?php esc_html_e( 'Remove the stored secret', 'conversation-reports' ); ?></label>
							<p class="description"><?php esc_html_e( 'With a secret, browsers never call the REST URL themselves: WordPress fetches it for them (route conversation-reports/v1/data), adds the header, and only answers people allowed to see reports. The secret is never printed into a page.', 'conversation-reports' ); ?></p>
						</td>
					</tr>
					<tr>
						<th scope="row"><label for="cr-server-url"><?php esc_html_e( 'Server URL', 'conversation-reports' ); ?></label></th>
						<td><input type="url" class="regular-text" id="cr-server-url" name="<?php echo esc_attr( $name ); ?>[server_url]" value="<?php echo esc_attr( $settings['server_url'] ); ?>">
						<p class="description"><?php esc_html_e( 'The endpoint of createReportHandler (conversation-reports/server). Without a secret, browsers call it themselves: it must be on this site\'s address, or allow it by CORS.', 'conversation-reports' ); ?></p></td>
					</tr>
					<tr>
						<th scope="row"><label for="cr-server-header"><?php esc_html_e( 'Server secret header', 'conversation-reports' ); ?></label></th>
						<td>
							<input type="text" id="cr-server-header" name="<?php echo esc_attr( $name ); ?>[server_header]" value="<?php echo esc_attr( $settings['server_header'] ); ?>">
							<input type="password" id="cr-server-secret" autocomplete="new-password" name="<?php echo esc_attr( $name ); ?>[server_secret]" value="" placeholder="<?php echo esc_attr( self::has_server_secret() ? __( 'stored — leave empty to keep it', 'conversation-reports' ) : __( 'none', 'conversation-reports' ) ); ?>" aria-label="<?php esc_attr_e( 'Server secret value', 'conversation-reports' ); ?>">
							<label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[server_secret_clear]" value="1"> <?php esc_html_e( 'Remove the stored secret', 'conversation-reports' ); ?></label>
							<p class="description"><?php esc_html_e( 'With a secret, browsers never call the server URL themselves: WordPress forwards their report requests to it (route conversation-reports/v1/report), adds the header, and only answers people allowed to see reports. The secret is never printed into a page.', 'conversation-reports' ); ?></p>
						</td>
					</tr>
				</table>

				<h2><?php esc_html_e( 'Display', 'conversation-reports' ); ?></h2>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><label for="cr-locale"><?php esc_html_e( 'Locale', 'conversation-reports' ); ?></label></th>
						<td><input type="text" id="cr-locale" name="<?php echo esc_attr( $name ); ?>[locale]" value="<?php echo esc_attr( $settings['locale'] ); ?>" placeholder="<?php echo esc_attr( str_replace( '_', '-', get_locale() ) ); ?>">
						<p class="description"><?php esc_html_e( 'Empty: the site\'s language.', 'conversation-reports' ); ?></p></td>
					</tr>
					<tr>
						<th scope="row"><label for="cr-time-zone"><?php esc_html_e( 'Time zone', 'conversation-reports' ); ?></label></th>
						<td>
							<select id="cr-time-zone" name="<?php echo esc_attr( $name ); ?>[time_zone]">
								<?php /* translators: %s: the site's time zone */ ?>
								<option value=""><?php echo esc_html( sprintf( __( 'The site\'s (%s)', 'conversation-reports' ), $site_tz ) ); ?></option>
								<?php foreach ( array_merge( array( 'UTC' ), timezone_identifiers_list() ) as $zone ) : ?>
									<option value="<?php echo esc_attr( $zone ); ?>"<?php selected( $settings['time_zone'], $zone ); ?>><?php echo esc_html( $zone ); ?></option>
								<?php endforeach; ?>
							</select>
						</td>
					</tr>
					<tr>
						<th scope="row"><?php esc_html_e( 'Visitors', 'conversation-reports' ); ?></th>
						<td><label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[public]" value="1"<?php checked( $settings['public'] ); ?>> <?php esc_html_e( 'Visitors who are not signed in see the reports on published pages (read-only). Otherwise they are asked to sign in.', 'conversation-reports' ); ?></label></td>
					</tr>
				</table>

				<h2><?php esc_html_e( 'Business hours and SLA', 'conversation-reports' ); ?></h2>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><label for="cr-business-hours"><?php esc_html_e( 'Business hours (JSON)', 'conversation-reports' ); ?></label></th>
						<td><textarea class="large-text code" rows="5" id="cr-business-hours" name="<?php echo esc_attr( $name ); ?>[business_hours]" placeholder='{"timeZone":"Europe/Amsterdam","week":{"mon":[["09:00","17:00"]]}}'><?php echo esc_textarea( $settings['business_hours'] ); ?></textarea></td>
					</tr>
					<tr>
						<th scope="row"><label for="cr-sla"><?php esc_html_e( 'SLA (JSON)', 'conversation-reports' ); ?></label></th>
						<td><textarea class="large-text code" rows="3" id="cr-sla" name="<?php echo esc_attr( $name ); ?>[sla]" placeholder='{"firstResponseMs":3600000,"businessHours":true}'><?php echo esc_textarea( $settings['sla'] ); ?></textarea></td>
					</tr>
				</table>
				<?php submit_button(); ?>
			</form>
		</div>
		<?php
	}
}
