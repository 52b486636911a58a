/**
 * A loopback HTTP endpoint a test workflow posts to (with n8n's HTTP Request node), so that a
 * test counts what the workflow really did, one entry per call, in arrival order.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplyCollector {
	/** `http://127.0.0.1:<port>/collect` */
	url: string;
	/** Every JSON body received. */
	received: Array<Record<string, unknown>>;
	close(): Promise<void>;
}

export async function startReplyCollector(): Promise<ReplyCollector> {
	const received: Array<Record<string, unknown>> = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			try {
				received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
				response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			} catch {
				response.writeHead(400).end();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/collect`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
