// Co-facilitators by invitation, on both engines: inviting reveals nothing about the email, and
// only the invited account, by accepting, becomes a co-facilitator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { deleteMyAccount } from "@/lib/account/delete";
import { testEngines } from "@/lib/testing/db";
import { acceptInvitation, cancelInvitation, cohortInvitations, declineInvitation, invitationsIfOwner, inviteCoFacilitator, MAX_PENDING, myInvitations } from "./invitations";
import { createCohort, deleteCohort, joinCohort, setAssignment, setFacilitatorSuspended } from "./mutations";
import { myCohorts } from "./queries";
import { rosterGrid } from "./reports";

const PASSWORD = "river lamp orchard";

describe.each(testEngines())("co-facilitator invitations on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let owner: SessionUser;
  let co: SessionUser;
  let stranger: SessionUser;
  let learner: SessionUser;
  let admin: SessionUser;
  let n = 0;
  const account = (role: "learner" | "facilitator", name: string) => createAccount(handle, { email: `${name.toLowerCase()}@example.org`, displayName: name, password: PASSWORD, role });
  const group = async (coFacilitatorEmails: string[] = []) => (await createCohort(handle, owner, { name: `Group ${++n}`, kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails })).id;
  const facilitatorRows = (cohortId: string) => handle.db.selectFrom("cohort_facilitators").selectAll().where("cohort_id", "=", cohortId).execute();
  const invitationTo = async (who: SessionUser, cohortName: string) => (await myInvitations(handle, who)).find((i) => i.cohortName === cohortName)!;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    owner = await account("facilitator", "Owner");
    co = await account("facilitator", "Co");
    stranger = await account("facilitator", "Stranger");
    learner = await account("learner", "Learner");
    admin = await createAccount(handle, { email: "admin@example.org", displayName: "Admin", password: PASSWORD }, "admin");
  });
  afterAll(async () => cleanup());

  it("gives the same answer for an unknown email, a learner's, a facilitator's and the owner's own, and adds no one", async () => {
    const emails = ["nobody@example.org", "learner@example.org", "co@example.org", "owner@example.org"];
    // At creation: each email alone gets the same shape of answer; the old code refused all but a facilitator's.
    const answers = [];
    for (const email of emails) {
      const created = await createCohort(handle, owner, { name: `Alone ${email}`, kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [email] });
      answers.push(Object.keys(created).sort());
      expect(await facilitatorRows(created.id), email).toEqual([]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    // After creation: the very same answer, whatever the email.
    const id = await group();
    for (const email of emails) expect(await inviteCoFacilitator(handle, owner, id, { email }), email).toEqual({ ok: true });
    expect(await facilitatorRows(id)).toEqual([]);
    // The owner sees four masked invitations; the database holds no email in the clear.
    // (Sorted: invitations made within one millisecond have no order between them.)
    expect((await cohortInvitations(handle, owner, id)).map((i) => i.emailHint).sort()).toEqual(["c…@example.org", "l…@example.org", "n…@example.org", "o…@example.org"]);
    const rows = await handle.db.selectFrom("cohort_invitations").selectAll().where("cohort_id", "=", id).execute();
    for (const email of emails) expect(JSON.stringify(rows.map((r) => Object.values(r)))).not.toContain(email.split("@")[0]);
  });

  it("makes a co-facilitator only when the invited account accepts; matching ignores case", async () => {
    const id = await group(["CO@Example.org"]);
    const name = `Group ${n}`;
    // Invited is not yet in: no row, no access, not in their list of groups.
    expect(await facilitatorRows(id)).toEqual([]);
    await expect(rosterGrid(handle, co, id)).rejects.toMatchObject({ code: "not_found" });
    expect((await myCohorts(handle, co)).map((c) => c.id)).not.toContain(id);
    const invitation = await invitationTo(co, name);
    expect(invitation).toMatchObject({ cohortName: name, ownerName: "Owner" });
    expect(await acceptInvitation(handle, co, invitation.id)).toEqual({ cohortId: id });
    expect(await facilitatorRows(id)).toEqual([{ cohort_id: id, user_id: co.id }]);
    expect((await rosterGrid(handle, co, id)).cohort.id).toBe(id);
    await setAssignment(handle, co, id, { activityId: "assessment-pre", dueAt: "2099-12-01" });
    // Answered: gone from both lists, and it cannot be accepted twice.
    expect(await myInvitations(handle, co)).not.toContainEqual(expect.objectContaining({ id: invitation.id }));
    expect(await cohortInvitations(handle, owner, id)).toEqual([]);
    await expect(acceptInvitation(handle, co, invitation.id)).rejects.toMatchObject({ code: "not_found" });
    // A co-facilitator manages the group but does not invite or see invitations: that is the owner's.
    await expect(inviteCoFacilitator(handle, co, id, { email: "x@example.org" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await invitationsIfOwner(handle, co, id)).toBeNull();
    expect(await invitationsIfOwner(handle, owner, id)).toEqual([]);
  });

  it("lets only the invited account accept or decline", async () => {
    const id = await group(["co@example.org"]);
    const invitation = await invitationTo(co, `Group ${n}`);
    for (const other of [stranger, owner, learner, admin]) {
      await expect(acceptInvitation(handle, other, invitation.id), other.displayName).rejects.toMatchObject({ code: "not_found" });
      await expect(declineInvitation(handle, other, invitation.id), other.displayName).rejects.toMatchObject({ code: "not_found" });
      expect(await myInvitations(handle, other)).not.toContainEqual(expect.objectContaining({ id: invitation.id }));
    }
    expect(await facilitatorRows(id)).toEqual([]);
    await declineInvitation(handle, co, invitation.id);
    expect(await cohortInvitations(handle, owner, id)).toEqual([]);
    await expect(acceptInvitation(handle, co, invitation.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await facilitatorRows(id)).toEqual([]);
  });

  it("tells a learner plainly that accepting needs a facilitator account; a learner may decline", async () => {
    const id = await group(["learner@example.org"]);
    const invitation = await invitationTo(learner, `Group ${n}`);
    await expect(acceptInvitation(handle, learner, invitation.id)).rejects.toMatchObject({ code: "forbidden", key: "auth.learnerCannotRunGroup" });
    expect(await facilitatorRows(id)).toEqual([]);
    await declineInvitation(handle, learner, invitation.id);
    expect(await myInvitations(handle, learner)).not.toContainEqual(expect.objectContaining({ id: invitation.id }));
  });

  it("refuses expired and cancelled invitations", async () => {
    const id = await group(["co@example.org", "stranger@example.org"]);
    const expired = await invitationTo(co, `Group ${n}`);
    await handle.db.updateTable("cohort_invitations").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("id", "=", expired.id).execute();
    expect(await myInvitations(handle, co)).not.toContainEqual(expect.objectContaining({ id: expired.id }));
    await expect(acceptInvitation(handle, co, expired.id)).rejects.toMatchObject({ code: "not_found" });

    const cancelled = await invitationTo(stranger, `Group ${n}`);
    // Only the owner cancels.
    await expect(cancelInvitation(handle, stranger, id, cancelled.id)).rejects.toMatchObject({ code: "not_found" });
    await cancelInvitation(handle, owner, id, cancelled.id);
    await expect(cancelInvitation(handle, owner, id, cancelled.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptInvitation(handle, stranger, cancelled.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await facilitatorRows(id)).toEqual([]);
    // Inviting again renews: a fresh invitation that can be accepted.
    await inviteCoFacilitator(handle, owner, id, { email: "co@example.org" });
    await acceptInvitation(handle, co, (await invitationTo(co, `Group ${n}`)).id);
    expect(await facilitatorRows(id)).toEqual([{ cohort_id: id, user_id: co.id }]);
  });

  it("refuses a suspended facilitator and a facilitator who is a learner in the group", async () => {
    const member = await account("facilitator", "Member");
    const suspended = await account("facilitator", "Suspended");
    const created = await createCohort(handle, owner, { name: "Mixed", kind: "class", locale: "en", trackId: "school", coFacilitatorEmails: ["member@example.org", "suspended@example.org"] });
    await joinCohort(handle, member, created.joinCode);
    await expect(acceptInvitation(handle, member, (await invitationTo(member, "Mixed")).id)).rejects.toMatchObject({ code: "conflict" });
    await setFacilitatorSuspended(handle, admin, suspended.id, true);
    await expect(acceptInvitation(handle, suspended, (await invitationTo(suspended, "Mixed")).id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await facilitatorRows(created.id)).toEqual([]);
  });

  it(`holds at most ${MAX_PENDING} pending invitations per group`, async () => {
    const id = await group();
    for (let i = 0; i < MAX_PENDING; i++) await inviteCoFacilitator(handle, owner, id, { email: `p${i}@example.org` });
    await inviteCoFacilitator(handle, owner, id, { email: "p0@example.org" }); // renewing is not one more
    await expect(inviteCoFacilitator(handle, owner, id, { email: "one-more@example.org" })).rejects.toMatchObject({ code: "conflict" });
    expect(await cohortInvitations(handle, owner, id)).toHaveLength(MAX_PENDING);
  });

  it("deleting the group or the invited account removes the invitations", async () => {
    const id = await group(["gone@example.org", "co@example.org"]);
    await deleteCohort(handle, owner, id);
    expect(await handle.db.selectFrom("cohort_invitations").selectAll().where("cohort_id", "=", id).execute()).toEqual([]);

    const leaving = await account("facilitator", "Leaving");
    const kept = await group(["leaving@example.org", "co@example.org"]);
    expect(await myInvitations(handle, leaving)).toHaveLength(1);
    await deleteMyAccount(handle, leaving, PASSWORD);
    expect((await cohortInvitations(handle, owner, kept)).map((i) => i.emailHint)).toEqual(["c…@example.org"]);
  });
});
