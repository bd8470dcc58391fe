<?php
/**
 * Plugin Name:       Conversation Reports
 * Description:       Chat and email conversation reports (volume, response time and time to close per assignee, page, chatflow and inbox, with drill-down) as a shortcode and a block. Dashboards are kept in WordPress.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       conversation-reports
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

define( 'CONVERSATION_REPORTS_VERSION', '0.1.0' );
define( 'CONVERSATION_REPORTS_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-conversation-reports-access.php';
require_once __DIR__ . '/includes/class-conversation-reports-install.php';
require_once __DIR__ . '/includes/class-conversation-reports-settings.php';
require_once __DIR__ . '/includes/class-conversation-reports-dashboard-table.php';
require_once __DIR__ . '/includes/class-conversation-reports-dashboards-controller.php';
require_once __DIR__ . '/includes/class-conversation-reports-data-proxy.php';
require_once __DIR__ . '/includes/class-conversation-reports-server-proxy.php';
require_once __DIR__ . '/includes/class-conversation-reports-embed.php';

register_activation_hook( __FILE__, array( 'Conversation_Reports_Install', 'activate' ) );

Conversation_Reports_Install::init();
Conversation_Reports_Settings::init();
Conversation_Reports_Dashboards_Controller::init();
Conversation_Reports_Data_Proxy::init();
Conversation_Reports_Server_Proxy::init();
Conversation_Reports_Embed::init();
