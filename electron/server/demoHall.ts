// The embedded default: a demo hall created on an empty data directory, with services and
// counters named in all three scripts. Open around the clock so it can be tried at any hour;
// a real hall sets its opening hours on the admin page.
import type { Counter, LocalizedText, ServiceItem } from '../core/model.js';
import type { SqliteHallStore } from '../store/hallStore.js';

export const DEMO_HALL_NAME: LocalizedText = {
  zh: '幸福社区一站式便民服务大厅',
  bo: 'བདེ་སྐྱིད་སྡེ་ཁུལ་གཅིག་སྡུད་མི་དམངས་ཞབས་ཞུའི་ཚོམ་ཆེན།',
  ug: 'بەخت مەھەللىسى بىر بېكەتلىك خەلققە قۇلايلىق مۇلازىمەت زالى',
};

/** Pictograms (resources/pictograms) of the demo services: a picture is recognised faster than a word. */
const DEMO_ICONS: Record<string, string> = {
  'social-insurance': 'health',
  household: 'id-card',
  'civil-assistance': 'allowance',
  elderly: 'elderly',
  enquiries: 'question',
  proxy: 'handshake',
  'bus-card': 'bus',
  'elevator-retrofit': 'elevator',
  mediation: 'family',
};

/** The shipped default form (resources/forms/<id>.json) each demo service carries; its serviceId names the service. */
const DEMO_FORMS: Record<string, string> = {
  household: 'residence_permit',
  'civil-assistance': 'subsistence_allowance',
  elderly: 'home_adaptation',
  proxy: 'proxy_service',
  'bus-card': 'senior_bus_card',
  'elevator-retrofit': 'elevator_retrofit',
  mediation: 'dispute_mediation',
};

const service = (id: string, prefix: string, names: LocalizedText, averageMinutes: number, sortOrder: number): ServiceItem => ({
  id,
  prefix,
  names,
  numberFrom: 1,
  numberTo: 999,
  averageMinutes,
  openFrom: '00:00',
  openTo: '24:00',
  active: true,
  sortOrder,
  formId: DEMO_FORMS[id] ?? null,
  icon: DEMO_ICONS[id] ?? null,
  hours: null,
});

export const DEMO_SERVICES: ServiceItem[] = [
  service('social-insurance', 'A', { zh: '社保医保', bo: 'སྤྱི་ཚོགས་འགན་ལེན་དང་གསོ་བཅོས་འགན་ལེན།', ug: 'ئىجتىمائىي سۇغۇرتا ۋە داۋالاش سۇغۇرتىسى' }, 8, 1),
  service('household', 'B', { zh: '户籍与居住证', bo: 'ཐེམ་ཐོ་དང་སྡོད་གནས་ལག་འཁྱེར།', ug: 'نوپۇس ۋە تۇرالغۇ گۇۋاھنامىسى' }, 10, 2),
  service('civil-assistance', 'C', { zh: '民政救助', bo: 'དམངས་སྲིད་རོགས་སྐྱོར།', ug: 'خەلق ئىشلىرى ياردىمى' }, 12, 3),
  service('elderly', 'D', { zh: '老年服务', bo: 'རྒན་འཁོགས་ཞབས་ཞུ།', ug: 'ياشانغانلار مۇلازىمىتى' }, 10, 4),
  service('enquiries', 'E', { zh: '综合咨询', bo: 'སྤྱི་ཁྱབ་འདྲི་རྩད།', ug: 'ئومۇمىي مەسلىھەت' }, 5, 5),
  service('proxy', 'F', { zh: '帮办代办', bo: 'ཚབ་སྒྲུབ་ཞབས་ཞུ།', ug: 'ۋاكالىتەن بېجىرىش' }, 15, 6),
  // Services whose residents fill a form first (issue 9): the names follow the forms' titles.
  service('bus-card', 'G', { zh: '老年乘车卡年审', bo: 'རྒན་འཁོགས་འགྲུལ་འཁོར་ཁཱ་ཌ་ལོ་འཁོར་ཞིབ་བཤེར།', ug: 'ياشانغانلار ئاپتوبۇس كارتىسىنى يىللىق تەكشۈرۈش' }, 6, 7),
  service('elevator-retrofit', 'H', { zh: '加装电梯', bo: 'གློག་སྐས་ཁ་སྣོན་སྒྲིག་སྦྱོར།', ug: 'لىفت قوشۇپ ئورنىتىش' }, 15, 8),
  service('mediation', 'J', { zh: '矛盾纠纷调解', bo: 'རྩོད་གཞི་བར་འདུམ།', ug: 'ماجىرا-نىزالارنى مۇرەسسە قىلىش' }, 20, 9),
];

const counter = (n: number, services: [string, number][]): Counter => ({
  id: `counter-${n}`,
  number: n,
  names: { zh: `${n}号窗口`, bo: `སྒེའུ་ཁུང་ \u2068${n}\u2069`, ug: `\u2068${n}\u2069-كۆزنەك` },
  services: services.map(([serviceId, weight]) => ({ serviceId, weight })),
  state: 'closed',
  staffId: null,
  languages: [],
  currentTicketId: null,
});

export const DEMO_COUNTERS: Counter[] = [
  counter(1, [['social-insurance', 3], ['enquiries', 1]]),
  counter(2, [['social-insurance', 3], ['civil-assistance', 1]]),
  counter(3, [['household', 3], ['enquiries', 1], ['elevator-retrofit', 2]]),
  counter(4, [['civil-assistance', 3], ['elderly', 2], ['bus-card', 2]]),
  counter(5, [['elderly', 3], ['proxy', 2], ['mediation', 2]]),
  counter(6, [['enquiries', 3], ['social-insurance', 1], ['household', 1], ['civil-assistance', 1], ['elderly', 1], ['proxy', 1], ['bus-card', 1], ['elevator-retrofit', 1], ['mediation', 1]]),
];

export const DEMO_NOTICE: LocalizedText = {
  zh: '请留意叫号，听到您的号码后请到相应窗口办理。过号请到服务台咨询。',
  bo: 'ཨང་གྲངས་འབོད་པར་ཡིད་གཟབ་གནང་རོགས། རང་གི་ཨང་གྲངས་ཐོས་རྗེས་སྒེའུ་ཁུང་དེར་ཕེབས་རོགས། ཨང་འདས་ན་སྤྱི་ཡོངས་འདྲི་རྩད་སྒེའུ་ཁུང་ལ་འདྲི་རོགས།',
  ug: 'نومۇر چاقىرىشقا دىققەت قىلىڭ، نومۇرىڭىزنى ئاڭلىغاندا مۇناسىپ كۆزنەككە بېرىڭ. چاقىرىلغاندا كەلمىگەن بولسىڭىز، مۇلازىمەت ئۈستىلىدىن سوراڭ.',
};

/** Resolves true when the hall was empty and the demo was created. */
export async function seedDemoHall(store: SqliteHallStore): Promise<boolean> {
  return store.write(async (tx) => {
    if ((await tx.listServices()).length > 0) return false;
    for (const s of DEMO_SERVICES) await tx.saveService(s);
    for (const c of DEMO_COUNTERS) await tx.saveCounter(c);
    await tx.setNotice(DEMO_NOTICE);
    return true;
  });
}
