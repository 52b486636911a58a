/**
 * The three benchmark datasets of docs sms-encoding.md §3, generated from a seeded PRNG so
 * that every run (and every child process) sees the same messages.
 */

export type DatasetName = 'short-gsm' | 'long-extension' | 'emoji';

export const DATASET_NAMES: readonly DatasetName[] = ['short-gsm', 'long-extension', 'emoji'];

export const DATASET_TITLES: Readonly<Record<DatasetName, string>> = {
	'short-gsm': '(a) 100k short GSM-7 messages',
	'long-extension': '(b) 10k long messages, ~3 % extension characters, 1 in 5 turns UCS-2 near the end',
	emoji: '(c) 10k emoji-heavy UCS-2 messages (ZWJ sequences, skin tones, flags, keycaps)',
};

/** mulberry32: tiny, fast, good enough to make varied but reproducible text. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = (
	'votre code de confirmation est rendez-vous demain à 10h chez le docteur Müller merci de ' +
	'confirmer votre commande numéro a été expédiée livraison prévue entre et your parcel ' +
	'is on its way reply STOP to opt out promo soldes -20% sur tout le magasin ce week-end ' +
	"jusqu'à dimanche réservation table pour personnes ¿vienes mañana? Straße Ørsted Åland " +
	'Ærø Öre Ñandu über où là-bas É Ç Δ Ω Σ £ $ ¥ § ¡ @ # & * ( ) ! ? . , ; : / = + - _ " \''
).split(' ');

const EXTENSION = ['€', '[', ']', '{', '}', '~', '^', '|', '\\', '\f'];
const LATE_NON_GSM = ['ç', '’', '😀', '–', 'ł', 'á', '«', '🙂', 'ê', '\u00a0'];

const EMOJI = [
	'😀',
	'🎉',
	'👍',
	'❤️',
	'🔥',
	'✅',
	'☀️',
	'🙏',
	'😂',
	'🚀',
	'📦',
	'🍕',
	'👍🏽',
	'👋🏿',
	'💪🏻',
	'🙌🏾',
	'👨‍👩‍👧‍👦',
	'👩🏽‍💻',
	'🏳️‍🌈',
	'🧑‍🤝‍🧑',
	'👁️‍🗨️',
	'❤️‍🔥',
	'🐦‍🔥',
	'🫱🏻‍🫲🏿',
	'🇫🇷',
	'🇪🇸',
	'🇬🇧',
	'🇵🇹',
	'🇹🇷',
	'1️⃣',
	'#️⃣',
];

function utf8Length(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)];
}

function between(random: () => number, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

function shortGsm(random: () => number): string {
	const target = between(random, 20, 150);
	let text = '';
	while (utf8Length(text) < target) {
		const roll = random();
		if (roll < 0.01) text += pick(random, EXTENSION);
		else if (roll < 0.03) text += '\n';
		else text += (text === '' ? '' : ' ') + pick(random, WORDS);
	}
	return text;
}

function longWithExtensions(random: () => number): string {
	const target = between(random, 300, 1260);
	let text = '';
	while (utf8Length(text) < target) {
		const roll = random();
		if (roll < 0.16) text += pick(random, EXTENSION);
		else text += ' ' + pick(random, WORDS);
	}
	if (random() < 0.2) {
		const at = text.length - 1 - Math.floor(random() * Math.min(40, text.length * 0.05));
		text = text.slice(0, at) + pick(random, LATE_NON_GSM) + text.slice(at);
	}
	return text;
}

function emojiHeavy(random: () => number): string {
	const target = between(random, 120, 350);
	let text = '';
	while (utf8Length(text) < target) {
		text += random() < 0.45 ? pick(random, EMOJI) : ' ' + pick(random, WORDS);
	}
	return text;
}

const GENERATORS: Readonly<Record<DatasetName, { count: number; seed: number; make: (random: () => number) => string }>> = {
	'short-gsm': { count: 100_000, seed: 0xa11ce, make: shortGsm },
	'long-extension': { count: 10_000, seed: 0xb0b, make: longWithExtensions },
	emoji: { count: 10_000, seed: 0xc0ffee, make: emojiHeavy },
};

/**
 * Messages are round-tripped through UTF-8 so that they are flat strings, as they would be
 * when read from a CSV or a JSON body (concatenated strings would add a flattening cost).
 */
export function generateDataset(name: DatasetName): string[] {
	const { count, seed, make } = GENERATORS[name];
	const random = seededRandom(seed);
	const messages: string[] = new Array(count);
	for (let i = 0; i < count; i++) messages[i] = Buffer.from(make(random), 'utf8').toString('utf8');
	return messages;
}

export function datasetBytes(messages: readonly string[]): number {
	let bytes = 0;
	for (const message of messages) bytes += utf8Length(message);
	return bytes;
}
