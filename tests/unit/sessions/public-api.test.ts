import { describe, expect, it } from 'vitest';
import * as sessions from '../../../sessions';

describe('sessions/ public API', () => {
  it('exports the domain from one entry point without name clashes', () => {
    for (const name of [
      'Session', 'DeskSettings', 'TeamMember', 'startSession', 'addTask', 'markTask', 'completeFromTour', 'endSession', 'setSatisfaction',
      'applyConsent', 'checkCitizen', 'withdrawalTargets', 'consentText', 'DEFAULT_CATALOGUE', 'mergeCatalogues', 'migrateSession',
      'aggregate', 'toCsv', 'sessionLogCsv', 'xlsxSheets', 'backupJson', 'parseBackup', 'mergeSessions', 'partitionForRetention',
      'MemoryStorage', 'loadSessions', 'saveSession', 'deleteEverything', 'periodRange',
    ]) expect(sessions, name).toHaveProperty(name);
  });
});
