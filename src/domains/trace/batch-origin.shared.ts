// 品种 and 产地环境 (issue 21 §3): the notice asks tea and other crops' producers to record 品种信息、产地环境信息
// (seed, 二(七)). Optional free text on a batch; the limits are the columns' (batches.variety, soil_note, water_note),
// shown beside the console's fields so a longer text is refused with the limit named, never cut.

export const VARIETY_MAX = 60;
export const ENVIRONMENT_NOTE_MAX = 300;
