/** `conversation-reports/sample`: the sample-data generator behind the `sample` attribute and the demo. */
export * from '../sample/generate-conversations.ts';
