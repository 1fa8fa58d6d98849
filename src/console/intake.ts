// A report taken by phone in one form: the home found as it is typed (label or owner's phone; one
// match is taken at once and brings the owner's phone), a category, what is wrong, then file it.
// Defaults as the chat's /intake: by phone, call before coming, as soon as possible.
import { api, ApiError, app, tr } from "./app.ts";
import { fill, h, select } from "./dom.ts";
import { haptic } from "./telegram.ts";

type Home = { unitId: number; label: string; owner: string; phone: string; onTelegram: boolean };

export function showIntake(root: HTMLElement, filed: (message: string) => void) {
  const me = app.me!;
  let home: Home | null = null;
  let category = "";
  let lookup = 0;
  const homeInput = h("input", { name: "home", autocomplete: "off", placeholder: "3-1-502 / 138…" });
  const suggestions = h("div", { class: "suggestions" });
  const publicBox = h("input", { type: "checkbox", name: "public" });
  const location = h("input", { name: "location", maxlength: 100 });
  const description = h("textarea", { name: "description", rows: 3, maxlength: 1000 });
  const emergency = h("input", { type: "checkbox", name: "emergency" });
  const phone = h("input", { name: "phone", type: "tel", autocomplete: "off" });
  const access = select("access", me.access.map((a) => [a, tr(`access-${a}`)]), "call");
  const time = select("time", me.times.map((t) => [t, tr(`time-${t}`)]), "asap");
  const channel = select("channel", me.channels.map((c) => [c, tr(`channel-${c}`)]), "phone");
  const error = h("p", { class: "error", role: "alert" });
  const categories = h("div", { class: "choices" });

  const choose = (found: Home) => {
    home = found;
    homeInput.value = found.label;
    if (!phone.value) phone.value = found.phone;
    fill(suggestions, h("p", { class: "owner" }, found.label, " · ",
      tr("console-intake-owner", { owner: found.owner || "—", phone: found.phone || "—" })));
  };
  homeInput.addEventListener("input", () => {
    home = null;
    const q = homeInput.value.trim();
    const mine = ++lookup;
    if (q.length < 5) return fill(suggestions);
    void api<{ homes: Home[] }>(`homes?${new URLSearchParams({ property: String(app.property), q })}`).then(({ data }) => {
      if (mine !== lookup || !data) return;
      if (data.homes.length === 1) return choose(data.homes[0]!);
      fill(suggestions, data.homes.length === 0 ? h("p", { class: "hint" }, tr("console-intake-no-home", { query: q }))
        : data.homes.map((x) => h("button", { type: "button", class: "suggestion", onclick: () => choose(x) },
          `${x.label} · ${x.owner || "—"} · ${x.phone || "—"}`)));
    }).catch(() => undefined);
  });
  const drawCategories = () => fill(categories, me.categories.map((c) => h("button", {
    type: "button", class: `choice${c === category ? " on" : ""}`, "data-category": c,
    onclick: () => { category = c; drawCategories(); },
  }, tr(`category-${c}`))));
  drawCategories();

  const photos = h("input", { type: "file", name: "photos", accept: "image/*", multiple: true });
  const submit = h("button", { type: "submit", class: "primary" }, tr("console-intake-submit"));
  const form = h("form", { class: "intake" },
    h("h2", {}, tr("console-intake-title")),
    h("label", {}, tr("console-intake-home"), homeInput), suggestions,
    h("label", { class: "inline" }, publicBox, tr("console-intake-public")),
    h("label", {}, tr("console-intake-location"), location),
    h("div", { class: "field" }, h("span", {}, tr("console-intake-category")), categories),
    h("label", {}, tr("console-intake-description"), description),
    h("label", {}, tr("console-intake-photos"), photos),
    h("label", { class: "inline" }, emergency, tr("console-intake-emergency")),
    h("div", { class: "row" },
      h("label", {}, tr("console-intake-access"), access), h("label", {}, tr("console-intake-time"), time)),
    h("div", { class: "row" },
      h("label", {}, tr("console-intake-phone"), phone), h("label", {}, tr("console-intake-channel"), channel)),
    error, submit);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit.disabled = true;
    fill(error);
    void Promise.all([...(photos.files ?? [])].map(dataUrl)).then((pictures) => send({
      property: app.property, unitId: publicBox.checked ? null : home?.unitId ?? null, public: publicBox.checked,
      location: location.value, category, description: description.value, emergency: emergency.checked,
      access: access.value, time: time.value, phone: phone.value, channel: channel.value, photos: pictures,
    }), () => {
      fill(error, tr("console-invalid-photos"));
      submit.disabled = false;
    });
  });
  const send = (body: object) =>
    api<{ number: string; message: string }>("intake", { method: "POST", body }).then(({ data }) => {
      haptic("success");
      filed(data!.message);
    }).catch((err: unknown) => {
      haptic("error");
      fill(error, err instanceof ApiError ? err.message : tr("console-offline"));
      submit.disabled = false;
    });
  fill(root, form);
  homeInput.focus();
}

/** A picked file as a data: URL (the server takes its base64). */
const dataUrl = (file: File) => new Promise<string>((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(String(reader.result));
  reader.onerror = () => reject(reader.error);
  reader.readAsDataURL(file);
});
