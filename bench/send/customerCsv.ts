import fs from 'node:fs';

/** A CSV export of `rows` customers: BOM, `;`, quoted names, national numbers with spaces, CR LF. */
export function writeCustomerCsv(file: string, rows: number): void {
	const fd = fs.openSync(file, 'w');
	try {
		fs.writeSync(fd, '\uFEFFname;phone;city');
		for (let i = 0; i < rows; i++) {
			const digits = String(10_000_000 + i);
			fs.writeSync(fd, `\r\n"Customer ${i}";06 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)};Paris`);
		}
	} finally {
		fs.closeSync(fd);
	}
}
