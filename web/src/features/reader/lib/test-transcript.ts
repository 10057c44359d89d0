import type { SourceSegment } from '@cairn/shared';
import vtt from '../../../../../../shared/datasets/ami-meetings/IS1001b.vtt?raw';

/**
 * A real product-design meeting (AMI corpus, CC BY 4.0, from the shared datasets) as the reader
 * gets a transcript: each WebVTT cue `<v Speaker>text` one turn of the body, blank lines between.
 */
export function readMeetingTranscript(): { body: string; segments: SourceSegment[] } {
  const segments: SourceSegment[] = [];
  let body = '';
  for (const [, speaker, text] of vtt.matchAll(/^<v ([^>]+)>(.*)$/gm)) {
    if (body) body += '\n\n';
    segments.push({ speaker: speaker!, startMs: null, endMs: null, start: body.length, end: body.length + text!.length });
    body += text;
  }
  return { body, segments };
}
