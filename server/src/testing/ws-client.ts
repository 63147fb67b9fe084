// A graphql-ws client as the tests and the alert bench open one: signed in by bearer token, no
// retries (a dropped socket must fail the test, not reconnect quietly), subscribed, and resolved only
// once the socket is connected. `clients` gets the client before the wait, so afterAll can dispose
// of one that never connected.
import { createClient, type Client, type FormattedExecutionResult, type Sink, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';

export async function subscribeAs<T>(
  clients: Client[],
  url: string,
  token: string,
  request: SubscribePayload,
  sink: Partial<Sink<FormattedExecutionResult<T>>>,
): Promise<Client> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  await new Promise<void>((resolve) => {
    client.on('connected', () => resolve());
    client.subscribe<T>(request, { next: () => {}, error: () => {}, complete: () => {}, ...sink });
  });
  return client;
}
