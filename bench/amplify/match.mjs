// The device matcher Pinpoint users ran, on the trigger benchmark's cases: Amplify's in-app messaging
// (@aws-amplify/notifications, pinned in package.json) matches each dispatched event against every cached campaign
// with processInAppMessages (matchesEventType, matchesAttributes, matchesMetrics, isBeforeEndDate, then the caps).
//
//   node match.mjs --cases cases.json --ours ours.json [--seconds S]
//
// cases.json and ours.json come from `ServerlessInApp.Benchmarks peer` (the C# side, same run). Prints one markdown
// row: | figure | ours | peer | ratio | target | holds |
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const arg = (name, fallback) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : fallback;
};
const casesFile = arg('--cases');
const oursFile = arg('--ours');
const seconds = Number(arg('--seconds', '3'));
if (!casesFile || !oursFile) {
	console.error('usage: node match.mjs --cases FILE --ours FILE [--seconds S]');
	process.exit(2);
}

// The helpers are internal modules of the package (its exports map hides them), so load them by file.
const pkgJson = require.resolve('@aws-amplify/notifications/package.json', { paths: [path.dirname(new URL(import.meta.url).pathname)] });
const version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
const utils = path.join(path.dirname(pkgJson), 'dist/cjs/inAppMessaging/providers/pinpoint/utils');
const helpers = require(path.join(utils, 'helpers.js'));
const { processInAppMessages } = require(path.join(utils, 'messageProcessingHelpers.js'));

const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const ours = JSON.parse(readFileSync(oursFile, 'utf8'));
const { messages, events } = cases;

// Sanity: the same cases match the same number of campaigns on both sides (the cases use only semantics both share).
helpers.clearMemo();
let qualifying = 0;
for (const event of events) {
	for (const m of messages) {
		if (helpers.matchesEventType(m, event) && helpers.matchesAttributes(m, event) && helpers.matchesMetrics(m, event) && helpers.isBeforeEndDate(m)) qualifying++;
	}
}

// Evaluations per second: one event against all the app's campaigns. Amplify memoizes each campaign's answer per
// event type and per JSON of the event's attributes and metrics; cleared before each event, every event is evaluated
// afresh, as the server evaluates each event (the memo only ever helps a device that repeats identical events).
async function rate(clear) {
	const run = async () => {
		for (const event of events) {
			if (clear) helpers.clearMemo();
			await processInAppMessages(messages, event);
		}
		return events.length;
	};
	// Per CPU-second of this process (every thread), as the C# side measures ours: other work on shared cores
	// does not count against either.
	const cpuSeconds = () => {
		const { user, system } = process.cpuUsage();
		return (user + system) / 1e6;
	};
	const warmUntil = performance.now() + Math.min(1, seconds / 2) * 1000;
	while (performance.now() < warmUntil) await run();
	let best = 0;
	for (let round = 0; round < 3; round++) {
		let done = 0;
		const start = performance.now();
		const cpu = cpuSeconds();
		while (performance.now() - start < (seconds / 3) * 1000) done += await run();
		best = Math.max(best, done / (cpuSeconds() - cpu));
	}
	return best;
}

const cold = await rate(true);
const warm = await rate(false);
const oursRate = ours.fullEvalsPerSecond;
const ratio = oursRate / cold;
const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.error(
	`amplify ${version} at ${messages.length} campaigns: ${fmt(cold)} evals per CPU-second (memo cleared per event), ${fmt(warm)} (memo warm); ` +
		`${qualifying} qualifying per ${events.length} events (ours: ${ours.matchesPerBatch}); ours matcher alone ${fmt(ours.matcherEvalsPerSecond)} evals/CPU-s`,
);
if (qualifying !== ours.matchesPerBatch) {
	console.error(`warning: the matchers disagree on the cases (${qualifying} vs ${ours.matchesPerBatch})`);
}
console.log(
	`| Device matcher at ${messages.length.toLocaleString('en-US')} campaigns: evals per CPU-second (one event vs the app's campaigns); ours = TriggerFunction.Handle on 10-record SQS batches incl. JSON and writes, ` +
		`peer = @aws-amplify/notifications ${version} processInAppMessages, memo cleared per event (memo warm: ${fmt(warm)}; ours matcher alone: ${fmt(ours.matcherEvalsPerSecond)}); ` +
		`matches ${ours.matchesPerBatch} vs ${qualifying} per ${events.length} events ` +
		`| ${fmt(oursRate)} evals/CPU-s | ${fmt(cold)} evals/CPU-s | ${ratio.toFixed(1)}× | ≥ 20× | ${ratio >= 20 && qualifying === ours.matchesPerBatch ? 'yes' : 'no'} |`,
);
