import { createHash } from 'node:crypto';
import { jobTag, sendIdentityOf } from '../../../lib/sending';

const identity = sendIdentityOf({
	workflowId: 'wf',
	nodeId: 'node-9',
	establishedAtMs: 1_700_000_000_000,
	retried: true,
	nowMs: 1_700_000_000_000,
});

/** The tag as the send core derived it before it hashed receivers one by one: a Retry across an upgrade must find it. */
function joinedTag(key: string, receivers: string[]): string {
	const hash = createHash('sha256');
	for (const part of [identity.workflowId, identity.nodeId, key, identity.runKey]) hash.update(part).update('\u0000');
	hash.update(receivers.join(','));
	return `n8n-${hash.digest('hex').slice(0, 16)}`;
}

describe('jobTag', () => {
	test.each([
		{ name: 'one receiver', receivers: ['+33611111111'] },
		{ name: 'two receivers', receivers: ['+33611111111', '+33622222222'] },
		{ name: 'a full job of 500', receivers: Array.from({ length: 500 }, (_, i) => `+336${10_000_000 + i}`) },
	])('$name: the same tag as the receivers joined by commas', ({ receivers }) => {
		expect(jobTag(identity, { key: 'k', receivers })).toBe(joinedTag('k', receivers));
	});

	test('receivers in another order give another tag; the bytes hashed are those of the joined list', () => {
		const tag = jobTag(identity, { key: 'k', receivers: ['+33611111111', '+33622222222'] });
		expect(jobTag(identity, { key: 'k', receivers: ['+33622222222', '+33611111111'] })).not.toBe(tag);
		expect(jobTag(identity, { key: 'k', receivers: ['+33611111111,+33622222222'] })).toBe(tag);
	});
});
