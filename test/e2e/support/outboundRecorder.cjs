// Preloaded into n8n (NODE_OPTIONS=--require) by tests that check n8n reaches nothing but this
// machine: every DNS look-up of a name and every TCP connection to an address off the loopback is
// appended, one JSON line each, to the file named by OUTBOUND_RECORD_FILE. It records, it does not
// block: the test decides what to make of it.
'use strict';
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const file = process.env.OUTBOUND_RECORD_FILE;
if (file) {
	const loopbackName = (host) => host === 'localhost' || host.endsWith('.localhost');
	const loopbackAddress = (address) =>
		/^127\./.test(address) || address === '::1' || address === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(address);
	const record = (kind, target) => {
		try {
			fs.appendFileSync(file, `${JSON.stringify({ kind, target, pid: process.pid })}\n`);
		} catch {
			// A record that cannot be written must not change what n8n does.
		}
	};
	const checkName = (host) => {
		if (typeof host !== 'string' || host === '') return;
		if (net.isIP(host) ? !loopbackAddress(host) : !loopbackName(host)) record('lookup', host);
	};

	const lookup = dns.lookup;
	dns.lookup = function (host, ...rest) {
		checkName(host);
		return lookup.call(this, host, ...rest);
	};
	const promisesLookup = dns.promises.lookup;
	dns.promises.lookup = function (host, ...rest) {
		checkName(host);
		return promisesLookup.call(this, host, ...rest);
	};

	const connect = net.Socket.prototype.connect;
	net.Socket.prototype.connect = function (...given) {
		// net.connect() passes its arguments already normalised, as one array.
		const args = Array.isArray(given[0]) ? given[0] : given;
		const options = args[0] && typeof args[0] === 'object' && !Array.isArray(args[0]) ? args[0] : undefined;
		const host = options ? options.host : typeof args[0] === 'number' ? args[1] : undefined;
		const unixSocket = options ? Boolean(options.path) : typeof args[0] === 'string';
		if (!unixSocket && typeof host === 'string' && net.isIP(host) && !loopbackAddress(host)) {
			record('connect', `${host}:${options ? options.port : args[0]}`);
		}
		return connect.apply(this, given);
	};
}
