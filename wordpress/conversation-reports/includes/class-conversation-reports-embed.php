<?php
/**
 * The shortcode, the block, and the kit's script.
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

/**
 * `[conversation_reports dashboard="chat-overview" range="last-30-days" source="…"]` and the block
 * `conversation-reports/dashboard` print the same markup: a `<conversation-dashboard>` element
 * with escaped attributes and a `<script type="application/json">` config (a data block the
 * browser never runs, so a strict Content-Security-Policy needs no exception). The kit is one
 * enqueued module file; the plugin prints no inline script.
 */
class Conversation_Reports_Embed {

	const SCRIPT        = 'conversation-reports-kit';
	const EDITOR_SCRIPT = 'conversation-reports-block-editor';
	const SHORTCODE     = 'conversation_reports';

	/** Hooks. */
	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 2 );
	}

	/** Registers the script, the shortcode and the block. */
	public static function register() {
		$base = plugin_dir_url( CONVERSATION_REPORTS_FILE );
		wp_register_script( self::SCRIPT, $base . 'kit/conversation-reports.standalone.js', array(), CONVERSATION_REPORTS_VERSION, true );
		wp_register_script(
			self::EDITOR_SCRIPT,
			$base . 'block/editor.js',
			array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n', 'wp-api-fetch', self::SCRIPT ),
			CONVERSATION_REPORTS_VERSION,
			true
		);
		add_shortcode( self::SHORTCODE, array( __CLASS__, 'shortcode' ) );
		register_block_type(
			dirname( CONVERSATION_REPORTS_FILE ) . '/block',
			array( 'render_callback' => array( __CLASS__, 'render_block' ) )
		);
	}

	/**
	 * The kit is an ES module: `type="module"` on its tag (WordPress 6.1 has no script modules API).
	 *
	 * @param string $tag    The tag WordPress built.
	 * @param string $handle Script handle.
	 */
	public static function module_tag( $tag, $handle ) {
		if ( self::SCRIPT !== $handle || false !== strpos( $tag, 'type="module"' ) ) {
			return $tag;
		}
		$tag = preg_replace( '/\stype=(["\'])text\/javascript\1/', '', $tag );
		return str_replace( '<script ', '<script type="module" ', $tag );
	}

	/**
	 * The shortcode.
	 *
	 * @param array|string $atts Attributes.
	 */
	public static function shortcode( $atts ) {
		$atts = shortcode_atts(
			array(
				'dashboard' => 'chat-overview',
				'range'     => 'last-30-days',
				'source'    => '',
			),
			$atts,
			self::SHORTCODE
		);
		return self::render( $atts );
	}

	/**
	 * The block's front end: the same as the shortcode.
	 *
	 * @param array $attributes Block attributes.
	 */
	public static function render_block( $attributes ) {
		$atts = array(
			'dashboard' => isset( $attributes['dashboard'] ) ? (string) $attributes['dashboard'] : 'chat-overview',
			'range'     => isset( $attributes['range'] ) ? (string) $attributes['range'] : 'last-30-days',
			'source'    => isset( $attributes['source'] ) ? (string) $attributes['source'] : '',
		);
		$wrapper = function_exists( 'get_block_wrapper_attributes' ) ? get_block_wrapper_attributes() : 'class="wp-block-conversation-reports-dashboard"';
		return '<div ' . $wrapper . '>' . self::render( $atts ) . '</div>';
	}

	/**
	 * A REST URL of this plugin in the `?rest_route=` form, which works with any permalink setting
	 * and lets the kit's store append `/dashboards/{id}` to it. For a signed-in user it carries the
	 * `wp_rest` nonce: the kit's REST clients send no headers, and WordPress accepts the nonce as a
	 * parameter too (without one a cookie is ignored and the call is a visitor's).
	 *
	 * @param string $path Route below the namespace ('' or '/data').
	 */
	public static function rest_url( $path = '' ) {
		$args = array();
		if ( is_user_logged_in() ) {
			$args['_wpnonce'] = wp_create_nonce( 'wp_rest' );
		}
		$args['rest_route'] = '/' . Conversation_Reports_Dashboards_Controller::NAMESPACE_V1 . $path;
		// rest_route goes last: the store appends "/dashboards/…" to the URL.
		return add_query_arg( $args, home_url( '/' ) );
	}

	/**
	 * The element's source attribute for a `source` setting: '' (the site's settings), `sample`,
	 * or a media-library CSV (its attachment id).
	 *
	 * @param string $source The shortcode's source.
	 * @return array{0: string, 1: string}|WP_Error attribute and value
	 */
	private static function source_attribute( $source ) {
		$settings = Conversation_Reports_Settings::get();
		$source   = trim( $source );
		if ( 'sample' === $source ) {
			return array( 'sample', (string) $settings['sample_size'] );
		}
		if ( '' !== $source ) {
			$id = ctype_digit( $source ) ? (int) $source : attachment_url_to_postid( $source );
			if ( $id > 0 && Conversation_Reports_Settings::is_csv_attachment( $id ) ) {
				return array( 'csv-src', (string) wp_get_attachment_url( $id ) );
			}
			return new WP_Error( 'source', __( 'source must be "sample" or a CSV file of the media library (its id or URL).', 'conversation-reports' ) );
		}
		switch ( $settings['source_type'] ) {
			case 'csv':
				if ( Conversation_Reports_Settings::is_csv_attachment( (int) $settings['csv_attachment_id'] ) ) {
					return array( 'csv-src', (string) wp_get_attachment_url( (int) $settings['csv_attachment_id'] ) );
				}
				return new WP_Error( 'source', __( 'The CSV file of the settings is missing from the media library.', 'conversation-reports' ) );
			case 'rest':
				if ( '' === $settings['rest_url'] ) {
					return new WP_Error( 'source', __( 'No REST URL is set.', 'conversation-reports' ) );
				}
				return array( 'src', Conversation_Reports_Settings::has_secret() ? self::rest_url( '/data' ) : $settings['rest_url'] );
			case 'server':
				if ( '' === $settings['server_url'] ) {
					return new WP_Error( 'source', __( 'No server URL is set.', 'conversation-reports' ) );
				}
				if ( ! self::kit_supports( 'sourceTypes', 'server' ) ) {
					return new WP_Error( 'source', __( 'The bundled kit cannot reach a report server yet: choose another data source.', 'conversation-reports' ) );
				}
				// With a secret the browser talks to WordPress, which adds it; without, to the server itself.
				return array( 'server-src', Conversation_Reports_Settings::has_server_secret() ? self::rest_url( '/report' ) : $settings['server_url'] );
			default:
				return array( 'sample', (string) $settings['sample_size'] );
		}
	}

	/**
	 * The stored dashboard `$id` when it is shared with everyone (what a visitor may be shown).
	 *
	 * @param string $id Dashboard id.
	 * @return stdClass|null
	 */
	private static function public_dashboard( $id ) {
		$row = Conversation_Reports_Dashboard_Table::find( $id );
		if ( null === $row || 'everyone' !== $row['privacy'] ) {
			return null;
		}
		return Conversation_Reports_Dashboards_Controller::from_row( $row );
	}

	/**
	 * The markup.
	 *
	 * @param array $atts dashboard, range, source.
	 */
	public static function render( array $atts ) {
		$reader = current_user_can( Conversation_Reports_Access::READ );
		if ( ! $reader && ! Conversation_Reports_Settings::get()['public'] ) {
			return sprintf(
				'<p class="conversation-reports-sign-in">%s <a href="%s">%s</a></p>',
				esc_html__( 'These reports are for signed-in team members.', 'conversation-reports' ),
				esc_url( wp_login_url( get_permalink() ? get_permalink() : home_url( '/' ) ) ),
				esc_html__( 'Sign in', 'conversation-reports' )
			);
		}
		$source = self::source_attribute( (string) $atts['source'] );
		if ( is_wp_error( $source ) ) {
			return sprintf( '<p class="conversation-reports-error" role="alert">%s</p>', esc_html( $source->get_error_message() ) );
		}
		wp_enqueue_script( self::SCRIPT );

		$attributes = array(
			'range'        => (string) $atts['range'],
			'dashboard-id' => (string) $atts['dashboard'],
			'locale'       => Conversation_Reports_Settings::locale(),
		);
		$zone = Conversation_Reports_Settings::time_zone();
		if ( null !== $zone ) {
			$attributes['time-zone'] = $zone;
		}
		$config = self::config( $reader, (string) $atts['dashboard'] );
		$attributes = array( $source[0] => $source[1] ) + $attributes;

		$html = '<conversation-dashboard';
		foreach ( $attributes as $name => $value ) {
			if ( '' === $value ) {
				continue;
			}
			$html .= ' ' . $name . '="' . ( in_array( $name, array( 'src', 'csv-src', 'server-src' ), true ) ? esc_url( $value ) : esc_attr( $value ) ) . '"';
		}
		$html .= '><script type="application/json">' . wp_json_encode( $config, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_SLASHES ) . '</script></conversation-dashboard>';
		return $html;
	}

	/**
	 * The config: for a reader, who they are and the store; for a visitor, nothing editable, and
	 * at most the one stored dashboard the shortcode names if it is shared with everyone.
	 *
	 * @param bool   $reader       The user may read reports.
	 * @param string $dashboard_id The shortcode's dashboard.
	 */
	private static function config( $reader, $dashboard_id ) {
		$config   = array();
		$settings = Conversation_Reports_Settings::get();
		foreach ( array(
			'business_hours' => 'businessHours',
			'sla'            => 'sla',
		) as $option => $key ) {
			if ( '' !== $settings[ $option ] && in_array( $key, self::kit_features( 'configKeys' ), true ) ) {
				$config[ $key ] = json_decode( $settings[ $option ] );
			}
		}
		if ( $reader ) {
			$config['store'] = array(
				'type' => 'rest',
				'url'  => self::rest_url(),
			);
			$config['user']  = Conversation_Reports_Access::current_user();
			$config['teams'] = Conversation_Reports_Access::teams();
			return $config;
		}
		$config['user'] = array(
			'id'      => 'visitor',
			'teamIds' => array(),
			'canEdit' => false,
		);
		$public         = '' === $dashboard_id ? null : self::public_dashboard( $dashboard_id );
		if ( null !== $public ) {
			$config['dashboards'] = array( $public );
		}
		return $config;
	}

	/**
	 * What the bundled kit understands, as the build wrote it next to the kit (`kit/features.json`:
	 * the keys of a dashboard's JSON config and the source types). The kit's markup schema rejects
	 * unknown keys, so a setting the kit cannot use yet is kept but not printed.
	 *
	 * @param string $list `configKeys` or `sourceTypes`.
	 * @return string[]
	 */
	public static function kit_features( $list ) {
		static $features = null;
		if ( null === $features ) {
			$file     = dirname( CONVERSATION_REPORTS_FILE ) . '/kit/features.json';
			$features = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : array(); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		}
		return isset( $features[ $list ] ) && is_array( $features[ $list ] ) ? $features[ $list ] : array();
	}

	/**
	 * Whether the bundled kit understands `$value` (a config key or a source type).
	 *
	 * @param string $list  `configKeys` or `sourceTypes`.
	 * @param string $value Key or type.
	 */
	public static function kit_supports( $list, $value ) {
		return in_array( $value, self::kit_features( $list ), true );
	}
}
