import type { SlotDef } from './template';

export type PhraseKind = NonNullable<SlotDef['phrases']>;

/**
 * Standard phrases offered for the slots a template marks with `phrases`, in the wording township
 * reports use year after year. This is report text, so it is Chinese in every UI language; the
 * clerk's own phrases are kept in settings.phrases beside these.
 */
export const STANDARD_PHRASES: Record<PhraseKind, readonly string[]> = {
  measures: [
    '加强组织领导，明确分管领导和具体经办人员，将政府信息公开工作纳入年度重点工作统筹推进。',
    '严格落实政府信息公开属性源头认定机制，公文在拟稿时即明确公开属性。',
    '健全政府信息发布前保密审查机制，做到“先审查、后公开”“一事一审”。',
    '及时更新政府信息公开专栏，确保信息发布及时、准确、完整。',
    '规范依申请公开办理流程，做到依法依规、按时答复。',
    '组织开展政府信息公开业务培训，提升工作人员业务能力。',
    '将政府信息公开工作纳入绩效考核，主动接受社会评议和群众监督。',
  ],
  problems: [
    '政府信息公开的及时性有待提高，部分信息更新不够及时。',
    '公开内容的深度和广度还不够，政策解读形式较为单一。',
    '工作人员业务水平有待提升，对《条例》的理解和把握还不够深入。',
    '依申请公开办理的规范化程度还需进一步提高。',
    '政务公开栏目的更新维护机制尚不健全。',
  ],
  improvements: [
    '进一步加强政府信息公开工作，及时、准确、全面地发布政府信息。',
    '丰富政策解读形式，采用图文、音视频等方式提高解读质量。',
    '加强业务培训，提高工作人员的业务能力和服务水平。',
    '进一步规范依申请公开办理流程，确保依法按时答复。',
    '健全信息发布审核和栏目维护机制，确保公开专栏内容常态更新。',
  ],
};
