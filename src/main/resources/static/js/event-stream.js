import { keyed } from './api.js';

/**
 * Server-sent events read with fetch streaming, so that the request carries the tab's API key in its Authorization
 * header (an EventSource cannot send headers, and a key in the URL would land in logs). It behaves like EventSource
 * where the dashboard relies on it: listeners per event type, 'error' when the stream ends or breaks, reconnecting
 * after a second with Last-Event-ID unless closed, and readyState CLOSED (then 'error') when the service refuses.
 */
export class KeyedEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;

  constructor(url) {
    this.url = url;
    this.readyState = KeyedEventSource.CONNECTING;
    this.listeners = {};
    this.lastEventId = '';
    this.controller = null;
    this.connect();
  }

  addEventListener(type, listener) {
    (this.listeners[type] = this.listeners[type] || []).push(listener);
  }

  close() {
    this.readyState = KeyedEventSource.CLOSED;
    if (this.controller) {
      this.controller.abort();
    }
  }

  dispatch(type, event) {
    (this.listeners[type] || []).forEach((listener) => listener(event));
  }

  async connect() {
    if (this.readyState === KeyedEventSource.CLOSED) {
      return;
    }
    this.controller = new AbortController();
    const headers = { Accept: 'text/event-stream' };
    if (this.lastEventId) {
      headers['Last-Event-ID'] = this.lastEventId;
    }
    let response;
    try {
      response = await keyed(this.url, { headers, cache: 'no-store', signal: this.controller.signal });
    } catch (e) {
      this.lost();
      return;
    }
    if (!response.ok || !response.body) {
      this.readyState = KeyedEventSource.CLOSED;
      this.dispatch('error', {});
      return;
    }
    this.readyState = KeyedEventSource.OPEN;
    this.dispatch('open', {});
    try {
      await this.read(response.body.pipeThrough(new TextDecoderStream()).getReader());
    } catch (e) {
      // aborted by close(), or the connection broke
    }
    this.lost();
  }

  async read(reader) {
    let buffer = '';
    let type = '';
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let end = buffer.indexOf('\n');
      while (end >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        end = buffer.indexOf('\n');
        if (line === '') {
          if (data.length > 0) {
            this.dispatch(type || 'message', { data: data.join('\n'), lastEventId: this.lastEventId });
          }
          type = '';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') {
            type = text;
          } else if (field === 'data') {
            data.push(text);
          } else if (field === 'id') {
            this.lastEventId = text;
          }
        }
      }
    }
  }

  lost() {
    if (this.readyState === KeyedEventSource.CLOSED) {
      return;
    }
    this.readyState = KeyedEventSource.CONNECTING;
    this.dispatch('error', {});
    if (this.readyState !== KeyedEventSource.CLOSED) {
      setTimeout(() => this.connect(), 1000);
    }
  }
}
