/** What one input item asks to send. */
export interface SendRequest<P> {
	itemIndex: number;
	/** Requests with equal keys (same account, sender, text and options) can share a job. */
	key: string;
	/** What the job is built from; requests with equal keys carry equal payloads. */
	payload: P;
	/** E.164 receivers, already checked and deduplicated within the item (they are not checked again). */
	receivers: readonly string[];
}

export interface PlannedJob<P> {
	key: string;
	payload: P;
	receivers: string[];
	/** For each receiver (same position), the input item it came from. */
	owners: number[];
}

export interface JobPlan<P> {
	jobs: Array<PlannedJob<P>>;
	/** Receivers an item shares with an earlier item of the same key: sent once, for the earlier item. */
	duplicatesByItem: Map<number, string[]>;
}

export const DEFAULT_MAX_RECEIVERS_PER_JOB = 500;

interface Group<P> {
	payload: P;
	receivers: string[];
	owners: number[];
	/** Built when a second request joins: one item's receivers are already unique. */
	seen?: Set<string>;
	items: number;
}

/**
 * Merges requests that share a key into jobs of at most `maxReceiversPerJob` receivers, in
 * input order: ten thousand items sending the same text become twenty jobs, not ten
 * thousand. A receiver appears once per key, so nobody gets the same SMS twice.
 */
export function groupIntoJobs<P>(requests: Iterable<SendRequest<P>>, maxReceiversPerJob = DEFAULT_MAX_RECEIVERS_PER_JOB): JobPlan<P> {
	if (!Number.isInteger(maxReceiversPerJob) || maxReceiversPerJob < 1) {
		throw new RangeError(`maxReceiversPerJob must be a positive integer (got ${maxReceiversPerJob})`);
	}
	const groups = new Map<string, Group<P>>();
	const duplicatesByItem = new Map<number, string[]>();
	for (const request of requests) {
		let group = groups.get(request.key);
		if (!group) {
			group = { payload: request.payload, receivers: [...request.receivers], owners: [], items: 1 };
			group.owners = new Array<number>(group.receivers.length).fill(request.itemIndex);
			groups.set(request.key, group);
			continue;
		}
		group.items++;
		const seen = (group.seen ??= new Set(group.receivers));
		for (const receiver of request.receivers) {
			if (seen.has(receiver)) {
				const duplicates = duplicatesByItem.get(request.itemIndex) ?? [];
				duplicates.push(receiver);
				duplicatesByItem.set(request.itemIndex, duplicates);
				continue;
			}
			seen.add(receiver);
			group.receivers.push(receiver);
			group.owners.push(request.itemIndex);
		}
	}
	const jobs: Array<PlannedJob<P>> = [];
	for (const [key, group] of groups) {
		for (let start = 0; start < group.receivers.length; start += maxReceiversPerJob) {
			jobs.push({
				key,
				payload: group.payload,
				receivers: group.receivers.slice(start, start + maxReceiversPerJob),
				owners: group.owners.slice(start, start + maxReceiversPerJob),
			});
		}
	}
	return { jobs, duplicatesByItem };
}
