import { readFile } from 'node:fs/promises';
import type { Target } from '../../../engine/schema';

/** One thing the citizen does on a replica page: click an element, or type into one. */
export type CitizenAction = { click: Target } | { fill: Target; value: string };

export interface StepInput {
  /** typed into an input step instead of the placeholder */
  type?: string;
  /** done instead of clicking the highlighted element, or on a wait step in place of the phone */
  act?: CitizenAction[];
}

/** tour id → step id → input; see tests/fixtures/verify-inputs.json. */
export type VerifyInputs = Record<string, Record<string, StepInput>>;

export const DEFAULT_INPUTS_FILE = 'tests/fixtures/verify-inputs.json';

export async function loadInputs(file = DEFAULT_INPUTS_FILE): Promise<VerifyInputs> {
  const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  delete json.$comment;
  return json as VerifyInputs;
}

export interface FieldInfo {
  tag: string;
  type: string;
  inputMode: string;
  maxLength: number;
  autocomplete: string;
  /** a button that opens a listbox (aria-haspopup=listbox) */
  listbox?: boolean;
}

/** A harmless value that fits the field: digits for numeric fields, plain letters otherwise. */
export function placeholderValue(field: FieldInfo): string {
  const numeric = field.inputMode === 'numeric' || field.inputMode === 'tel' || field.type === 'tel' || field.type === 'number';
  const value = numeric ? '0123456789' : field.type === 'email' ? 'kiem-tra@example.invalid' : 'Kiem tra Dan Buoc';
  return field.maxLength > 0 ? value.slice(0, field.maxLength) : value;
}

/** A field only the citizen may fill: a password, a one-time code, card details. */
export function isSecretField(field: FieldInfo): boolean {
  return field.type === 'password' || /one-time-code|password|^cc-/.test(field.autocomplete);
}
