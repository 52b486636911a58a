import { base64Chunks } from '../../../nodes/OvhSms/actions/sms/send/recipientSources';

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 131 + 7) % 256);

describe('base64Chunks (a CSV held in the item as base64, decoded piece by piece)', () => {
	test.each([
		{ bytes: 0, chunk: 65_536 },
		{ bytes: 1, chunk: 65_536 },
		{ bytes: 2, chunk: 3 },
		{ bytes: 10, chunk: 3 },
		{ bytes: 11, chunk: 4 },
		{ bytes: 100_000, chunk: 65_536 },
		{ bytes: 196_608, chunk: 65_536 },
	])('$bytes bytes in chunks of $chunk: the same bytes, no chunk longer than asked', ({ bytes, chunk }) => {
		const original = bytesOf(bytes);
		const chunks = [...base64Chunks(Buffer.from(original).toString('base64'), chunk)];
		expect(Buffer.concat(chunks).equals(Buffer.from(original))).toBe(true);
		expect(chunks.every((piece) => piece.length <= Math.max(chunk, 3))).toBe(true);
	});
});
