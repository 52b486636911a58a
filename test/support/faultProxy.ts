// A proxy on loopback in front of the sandbox that does to each request what a test decides:
// pass it on, hold it before passing it on (an API that answers late, committing late), pass it
// on and cut the connection once the sandbox has answered (committed, answer lost), answer an
// error itself, or hold it forever (an API that accepts connections and never answers).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ProxyAction =
	| { kind: 'pass' }
	| { kind: 'late'; delayMs: number }
	| { kind: 'cutAfterAnswer' }
	| { kind: 'reply'; status: number; body?: string }
	| { kind: 'hang' }
	/** Passed on; the sandbox's answer body is rewritten (an API that answers unlike its published model). */
	| { kind: 'rewrite'; body: (text: string) => string };

export interface ProxiedRequest {
	method: string;
	/** The path without the API prefix and query, e.g. `/sms/sms-xx/jobs`. */
	path: string;
	query: URLSearchParams;
}

export interface FaultProxy {
	/** The API base URL to give the credential (same `/1.0` prefix as the sandbox's). */
	readonly apiBaseUrl: string;
	decide: (request: ProxiedRequest) => ProxyAction;
	readonly seen: Array<ProxiedRequest & { action: ProxyAction['kind'] }>;
	close(): Promise<void>;
}

export async function startFaultProxy(targetApiBaseUrl: string): Promise<FaultProxy> {
	const target = new URL(targetApiBaseUrl);
	const sockets = new Set<Socket>();
	const held: Array<() => void> = [];
	const proxy: FaultProxy = {
		apiBaseUrl: '',
		decide: () => ({ kind: 'pass' }),
		seen: [],
		close: async () => {
			held.forEach((release) => release());
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
	const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, cut: boolean, rewrite?: (text: string) => string) => {
		const outgoing = http.request(
			{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
			(answer) => {
				if (cut) {
					answer.resume();
					answer.on('end', () => req.socket.destroy());
					return;
				}
				if (rewrite) {
					const parts: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => parts.push(chunk));
					answer.on('end', () => {
						const text = rewrite(Buffer.concat(parts).toString('utf8'));
						res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) });
						res.end(text);
					});
					return;
				}
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		outgoing.on('error', () => res.destroy());
		outgoing.end(body);
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://proxy');
			const request = { method: req.method ?? 'GET', path: url.pathname.replace(target.pathname, ''), query: url.searchParams };
			const action = proxy.decide(request);
			proxy.seen.push({ ...request, action: action.kind });
			const body = Buffer.concat(chunks);
			switch (action.kind) {
				case 'pass':
					return forward(req, body, res, false);
				case 'cutAfterAnswer':
					return forward(req, body, res, true);
				case 'late': {
					const timer = setTimeout(() => forward(req, body, res, false), action.delayMs);
					held.push(() => clearTimeout(timer));
					return;
				}
				case 'reply':
					res.writeHead(action.status, { 'Content-Type': 'application/json' });
					return res.end(action.body ?? '{"class":"Server::ServiceUnavailable","message":"Service temporarily unavailable"}');
				case 'hang':
					return;
				case 'rewrite':
					return forward(req, body, res, false, action.body);
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	(proxy as { apiBaseUrl: string }).apiBaseUrl = `http://127.0.0.1:${port}${target.pathname}`;
	return proxy;
}
