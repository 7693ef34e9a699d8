import { describe, expect, it } from "vitest";
import { isEmptyPlan, nicknameOf, planRoster, readRoster, type Existing } from "./oneroster";

const none: Existing = { classes: new Map(), learners: new Map() };
const input = (classes: string, users: string, enrollments: string) => ({ classes, users, enrollments });

describe("nicknames", () => {
  it.each([
    [["Amira", "Khan"], "Amira K."],
    [["  Zoe\u0308 ", "ďurić"], "Zoë Ď."],
    [["Dara", ""], "Dara"],
    [["سارة", "أحمد"], "سارة أ."],
    [["Maximiliana-Josephina-Theresia", "Z"], "Maximiliana-Josephina-Ther Z."],
  ])("%j -> %s", ([given, family], nickname) => {
    expect(nicknameOf(given, family)).toBe(nickname);
  });
});

describe("reading a roster", () => {
  it("prefers the preferred given name, keeps an email only if it looks like one, and never keeps other columns", () => {
    const r = readRoster(input("sourcedId,title\nc,C\n", "sourcedId,givenName,preferredGivenName,familyName,email,birthDate\nu,Robert,Bob,Smith,BOB@School.Example,2010-01-01\nv,Ann,,Lee,not-an-email,\n", "classSourcedId,userSourcedId,role\n"));
    expect(r.errors).toEqual([]);
    expect(r.users).toEqual([
      { sourcedId: "u", status: "active", nickname: "Bob S.", email: "bob@school.example", line: 2 },
      { sourcedId: "v", status: "active", nickname: "Ann L.", email: null, line: 3 },
    ]);
  });

  it("reads a OneRoster 1.1 users file (role and orgSourcedIds columns) the same way", () => {
    const r = readRoster(input("sourcedId,title\nc,C\n", "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName\nu,,,true,o1,student,amk,,Amira,Khan\n", "sourcedId,classSourcedId,userSourcedId,role\ne,c,u,student\n"));
    expect(r.errors).toEqual([]);
    expect(planRoster(r, none).newLearners).toEqual([{ sourcedId: "u", nickname: "Amira K." }]);
  });

  it("counts an enrolment listed twice once, and warns about roles it does not import", () => {
    const r = readRoster(input("sourcedId,title\nc,C\n", "sourcedId,givenName,familyName\nu,A,B\n", "classSourcedId,userSourcedId,role\nc,u,student\nc,u,student\nc,u,parent\n"));
    expect(r.enrollments).toHaveLength(1);
    expect(r.warnings).toEqual([{ file: "enrollments", line: 4, key: "otherRole", args: { role: "parent" } }]);
  });

  it("names a file it cannot read once, not again for every row that refers to it", () => {
    const r = readRoster(input("sourcedId,title\nc,C\n", 'sourcedId,givenName,familyName\nu,A,"B\n', "classSourcedId,userSourcedId,role\nc,u,student\nc,v,student\n"));
    expect(planRoster(r, none).errors.map((e) => [e.file, e.key])).toEqual([["users", "csvUnclosed"]]);
  });

  it("refuses names with bidirectional overrides", () => {
    const r = readRoster(input("sourcedId,title\nc,\u202Eevil\n", "sourcedId,givenName,familyName\nu,\u202Eevil,B\n", "classSourcedId,userSourcedId,role\n"));
    expect(r.errors.map((e) => [e.file, e.key])).toEqual([["classes", "badName"], ["users", "badName"]]);
  });
});

describe("planning", () => {
  const roster = readRoster(input("sourcedId,title\nc,Class\n", "sourcedId,givenName,familyName\nu,A,B\n", "classSourcedId,userSourcedId,role\nc,u,student\n"));

  it("creates what is new and, against what it left, plans nothing", () => {
    const first = planRoster(roster, none);
    expect(first.classes).toEqual([{ sourcedId: "c", title: "Class", action: "create", cohortId: null, add: ["u"], remove: [], invite: [] }]);
    const after: Existing = { classes: new Map([["c", { cohortId: "g", name: "Class", archived: false, members: new Set(["x"]) }]]), learners: new Map([["u", { userId: "x", nickname: "A B." }]]) };
    expect(isEmptyPlan(planRoster(roster, after))).toBe(true);
  });

  it("ignores a class marked tobedeleted that was never imported", () => {
    const r = readRoster(input("sourcedId,status,title\nc,tobedeleted,\n", "sourcedId,givenName,familyName\n", "classSourcedId,userSourcedId,role\n"));
    expect(r.errors).toEqual([]);
    expect(planRoster(r, none).classes).toEqual([]);
  });
});
