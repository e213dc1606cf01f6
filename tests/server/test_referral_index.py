"""The store knows who referred whom from its index, kept in step with every change (store/query.py)."""

from coffeechat.store import ProspectStore


def _save(store: ProspectStore, name: str) -> int:
    url = f"https://www.linkedin.com/in/{name.lower()}/"
    return store.save_capture({"kind": "profile", "full_name": name}, url, url, store.save_page("<p>"))[0]["id"]


def test_referrals_follow_every_change_delete_and_reopen(tmp_path):
    store = ProspectStore(tmp_path)
    ana, bo, cy, di = (_save(store, n) for n in ("Ana", "Bo", "Cy", "Di"))
    store.patch(bo, {"referred_by": ana})
    store.patch(cy, {"referred_by": ana})
    assert store.referred_by(ana) == [bo, cy] and store.referred_by(bo) == []
    store.patch(cy, {"referred_by": di})  # moved to another referrer
    assert store.referred_by(ana) == [bo] and store.referred_by(di) == [cy]
    store.delete(bo)
    assert store.referred_by(ana) == []
    store.delete(di)  # the link from Cy goes with Di
    assert store.get(cy)["referred_by"] is None and store.referred_by(di) == []
    store.patch(cy, {"referred_by": ana})
    store.close()
    store = ProspectStore(tmp_path)
    assert store.referred_by(ana) == [cy]
    store.close()
