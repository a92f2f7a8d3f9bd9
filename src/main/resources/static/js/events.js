import { jobUrl } from './api.js';
import { KeyedEventSource } from './event-stream.js';
import { isFinal } from './options.js';

/**
 * Follows a job's server-sent events: onStatus(job) for every 'status' event, onEpoch(row) for every 'epoch'
 * event (after epoch `since`). The service ends the stream after the final status (a finished job's stream is its
 * status, its epochs replayed, and the final status again); then this closes the stream instead of letting it
 * reconnect, and calls onEnd(). A connection lost earlier reconnects with Last-Event-ID and continues where it
 * stopped; onGone() is called when the browser gives up. Returns a function that closes the stream.
 */
export function follow(id, { since = 0, onStatus = () => {}, onEpoch = () => {}, onEnd = () => {}, onGone = () => {} }) {
  const source = new KeyedEventSource(jobUrl(id, `/events${since > 0 ? `?since=${since}` : ''}`));
  let ended = false;
  source.addEventListener('status', (event) => {
    const job = JSON.parse(event.data);
    ended = isFinal(job.status);
    onStatus(job);
  });
  source.addEventListener('epoch', (event) => onEpoch(JSON.parse(event.data)));
  source.addEventListener('error', () => {
    if (ended) {
      source.close();
      onEnd();
    } else if (source.readyState === KeyedEventSource.CLOSED) {
      onGone();
    }
  });
  return () => source.close();
}
