/** The Conversation fields a CSV column can fill. */
export const CSV_FIELDS = [
  'id',
  'channel',
  'status',
  'inboxId',
  'assigneeId',
  'createdAt',
  'firstResponseAt',
  'closedAt',
  'chatflowId',
  'pageUrl',
  'ticketId',
  'subject',
  'contactName',
  'contactEmail',
] as const;

export type CsvField = (typeof CSV_FIELDS)[number];

/** Without these no row can become a conversation. `id` is not among them: rows without one get `line-<n>`. */
export const REQUIRED_CSV_FIELDS: readonly CsvField[] = ['channel', 'status', 'inboxId', 'createdAt'];

/** Field → header of the column that fills it (null: not in the file). */
export type CsvColumnMapping = Record<CsvField, string | null>;

/**
 * Header spellings seen in exports of help desks and chat tools, compared without case, spaces or
 * punctuation. Order matters: an earlier spelling wins when a file has several.
 */
const SYNONYMS: Record<CsvField, readonly string[]> = {
  id: ['id', 'conversationid', 'conversation', 'threadid', 'chatid', 'ticketnumber'],
  channel: ['channel', 'source', 'medium', 'via', 'type'],
  status: ['status', 'state'],
  inboxId: ['inboxid', 'inbox', 'inboxname', 'queue', 'mailbox', 'group'],
  assigneeId: [
    'assigneeid', 'assignee', 'assignedto', 'assignedagent', 'assignedowner', 'assigneduser', 'agent', 'agentid', 'owner', 'ownerid',
    'conversationowner', 'ticketowner', 'assigneename', 'agentname', 'ownername', 'handler', 'rep',
  ],
  createdAt: ['createdat', 'created', 'createddate', 'createdon', 'createdtime', 'createddatetime', 'creationdate', 'startedat', 'started', 'openedat', 'opened', 'receivedat', 'date', 'timestamp'],
  firstResponseAt: [
    'firstresponseat', 'firstresponse', 'firstresponsedate', 'firstresponseon', 'firstrespondedat', 'firstrepliedat', 'firstreplyat', 'firstreply',
    'firstagentreply', 'firstagentresponse', 'respondedat',
  ],
  closedAt: ['closedat', 'closed', 'closeddate', 'closedon', 'closedtime', 'closeddatetime', 'closedate', 'resolvedat', 'resolved', 'resolveddate', 'solvedat', 'endedat'],
  chatflowId: ['chatflowid', 'chatflow', 'flow', 'bot', 'chatbot'],
  pageUrl: ['pageurl', 'url', 'page', 'startpage', 'landingpage', 'sourceurl', 'website'],
  ticketId: ['ticketid', 'ticket'],
  subject: ['subject', 'title', 'topic'],
  contactName: ['contactname', 'contact', 'customername', 'customer', 'visitorname', 'name', 'requester'],
  contactEmail: ['contactemail', 'email', 'customeremail', 'emailaddress', 'visitoremail', 'requesteremail'],
};

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Each field gets the first header matching one of its spellings; a header fills at most one field. */
export function suggestCsvMapping(headers: readonly string[]): CsvColumnMapping {
  const mapping = Object.fromEntries(CSV_FIELDS.map((field) => [field, null])) as CsvColumnMapping;
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const claim = (field: CsvField, spelling: string): boolean => {
    const index = normalized.findIndex((name, i) => name === spelling && !used.has(i));
    if (index < 0) return false;
    used.add(index);
    mapping[field] = headers[index]!;
    return true;
  };
  // The kit's own field names first, so an export made by this kit maps back exactly.
  for (const field of CSV_FIELDS) claim(field, normalizeHeader(field));
  for (const field of CSV_FIELDS) {
    if (mapping[field] !== null) continue;
    for (const spelling of SYNONYMS[field]) if (claim(field, spelling)) break;
  }
  return mapping;
}
