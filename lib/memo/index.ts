/**
 * What one run of a node reads once and reuses for its next items: a send of 10,000 items
 * checks its sender once, an upsert of 500 CRM records reads its address book once, a
 * parameter without an expression is resolved once. One per execution; no n8n import.
 * Leaves out: expiry and size bounds (a run is short and its keys few: one per account,
 * sender, book, list or parameter it touches) and sharing across executions (each reads afresh,
 * so a change made in the control panel between two runs is seen).
 */
export { RunMemo } from './runMemo';
