import type { Migration, MigrationProvider } from "kysely";
import type { DbKind } from "../client";
import { migration0001 } from "./0001-init";
import { migration0002 } from "./0002-cohorts";
import { migration0003 } from "./0003-attitudes";
import { migration0004 } from "./0004-report-indexes";
import { migration0005 } from "./0005-item-analysis-index";
import { migration0006 } from "./0006-attitudes-randomised";
import { migration0007 } from "./0007-rate-limits";
import { migration0008 } from "./0008-session-revocation";
import { migration0009 } from "./0009-facilitator-invitations";
import { migration0010 } from "./0010-attempt-content-version";
import { migration0011 } from "./0011-attempt-report-index";
import { migration0012 } from "./0012-experiment-arms";
import { migration0013 } from "./0013-attempt-answer-summary";
import { migration0014 } from "./0014-assignment-optional-due";
import { migration0015 } from "./0015-live-sessions";
import { migration0016 } from "./0016-user-locale";
import { migration0017 } from "./0017-record-locale";
import { migration0018 } from "./0018-credentials";
import { migration0019 } from "./0019-xapi";
import { migration0020 } from "./0020-lti";
import { migration0021 } from "./0021-rosters";
import { migration0022 } from "./0022-hall-imports";

/** All migrations in order. Names sort by their number; never rename or edit a landed one. */
export function migrationProvider(kind: DbKind): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        "0001-init": migration0001(kind),
        "0002-cohorts": migration0002(kind),
        "0003-attitudes": migration0003(kind),
        "0004-report-indexes": migration0004(kind),
        "0005-item-analysis-index": migration0005(kind),
        "0006-attitudes-randomised": migration0006(kind),
        "0007-rate-limits": migration0007(kind),
        "0008-session-revocation": migration0008(kind),
        "0009-facilitator-invitations": migration0009(kind),
        "0010-attempt-content-version": migration0010(kind),
        "0011-attempt-report-index": migration0011(kind),
        "0012-experiment-arms": migration0012(kind),
        "0013-attempt-answer-summary": migration0013(kind),
        "0014-assignment-optional-due": migration0014(kind),
        "0015-live-sessions": migration0015(kind),
        "0016-user-locale": migration0016(kind),
        "0017-record-locale": migration0017(kind),
        "0018-credentials": migration0018(kind),
        "0019-xapi": migration0019(kind),
        "0020-lti": migration0020(kind),
        "0021-rosters": migration0021(kind),
        "0022-hall-imports": migration0022(kind),
      };
    },
  };
}
