// The bot's only way into Yilian: GraphQL over HTTP (typed documents from ./generated.ts) and the
// alertRaised subscription over graphql-ws. The bot's service account authenticates; commands are
// sent as the bound worker with the acting headers the server checks.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AlertRaisedDocument, PasswordLoginDocument, type AlertRaisedSubscription } from './generated.js';

/** A refusal from the server, with its stable code and the Chinese message to show as it is. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Acting {
  contactId: string;
  roomId?: string;
}

export type RaisedAlert = AlertRaisedSubscription['alertRaised'];

export class YilianApi {
  private token?: string;
  private ws?: Client;

  constructor(
    readonly url: string,
    private readonly credentials: { username: string; password: string },
  ) {}

  async login() {
    const r = await this.request(PasswordLoginDocument, this.credentials);
    this.token = r.passwordLogin.token;
  }

  async request<R, V extends Record<string, unknown>>(
    doc: TypedDocumentNode<R, V>,
    variables: V,
    acting?: Acting,
  ): Promise<R> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(acting
          ? { 'x-acting-for': acting.contactId, ...(acting.roomId ? { 'x-acting-in-room': acting.roomId } : {}) }
          : {}),
      },
      body: JSON.stringify({ query: print(doc), variables }),
    });
    const body = (await res.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length)
      throw new ApiError(body.errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR', body.errors[0]!.message);
    return body.data as R;
  }

  /** Live alerts; `onStatus` hears the socket come and go, so the caller can catch up after a gap. */
  subscribeAlerts(onAlert: (a: RaisedAlert) => void, onStatus: (up: boolean) => void = () => {}) {
    this.ws = createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: () => ({ authorization: `Bearer ${this.token}` }),
      retryAttempts: Infinity,
      shouldRetry: () => true,
      on: { connected: () => onStatus(true), closed: () => onStatus(false) },
    });
    return this.ws.subscribe<AlertRaisedSubscription>(
      { query: print(AlertRaisedDocument) },
      { next: (m) => m.data && onAlert(m.data.alertRaised), error: () => onStatus(false), complete: () => {} },
    );
  }

  async close() {
    await this.ws?.dispose();
  }
}
