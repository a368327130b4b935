//! Which article of the regulation each template item derives from, after the reference table
//! 年报表格标签 → 法条依据对照 (label-to-statute). Keeps that table's evidence grades: where the mapping is
//! the compiler's inference rather than the template's own words, hovers must say so.

/// How firmly a template item is tied to the regulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BasisKind {
    /// The template itself names the article (表二's 第二十条第（X）项).
    Template,
    /// The label uses the article's own words.
    Textual,
    /// An inference from the article's content; no official statement found.
    Inferred,
    /// A statistical item with no article behind it.
    None,
}

impl BasisKind {
    pub fn describe_zh(self) -> &'static str {
        match self {
            BasisKind::Template => "模板明示",
            BasisKind::Textual => "文本对应",
            BasisKind::Inferred => "推断",
            BasisKind::None => "无对应条款",
        }
    }

    pub fn describe_en(self) -> &'static str {
        match self {
            BasisKind::Template => "named by the template",
            BasisKind::Textual => "the article's own words",
            BasisKind::Inferred => "an inference",
            BasisKind::None => "no article",
        }
    }
}

/// The legal basis of a template item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basis {
    /// The articles, as a reader cites them (`第三十六条第（三）项`); empty when none.
    pub cites: &'static str,
    /// (article, paragraph, item) of the main article, 0 where absent; `(0, 0, 0)` when none.
    pub main: (u16, u16, u16),
    pub kind: BasisKind,
    /// Why, or what to watch for.
    pub note: &'static str,
}

const fn b(
    cites: &'static str,
    main: (u16, u16, u16),
    kind: BasisKind,
    note: &'static str,
) -> Basis {
    Basis {
        cites,
        main,
        kind,
        note,
    }
}

use BasisKind::*;

pub const SECTION_OVERVIEW: Basis = b(
    "第五十条",
    (50, 0, 0),
    Textual,
    "年度报告的内容由第五十条规定；各级人民政府还应报告工作考核、社会评议和责任追究结果情况（第五十条第一款第（四）项）。",
);
pub const SECTION_ACTIVE: Basis = b(
    "第五十条第一款第（一）项；第二十条",
    (50, 1, 1),
    Textual,
    "行政机关主动公开政府信息的情况。",
);
pub const SECTION_REQUESTS: Basis = b(
    "第五十条第一款第（二）项",
    (50, 1, 2),
    Textual,
    "行政机关收到和处理政府信息公开申请的情况。",
);
pub const SECTION_APPEALS: Basis = b(
    "第五十条第一款第（三）项；第五十一条",
    (50, 1, 3),
    Textual,
    "因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
);
pub const SECTION_PROBLEMS: Basis = b(
    "第五十条第一款第（四）项",
    (50, 1, 4),
    Textual,
    "政府信息公开工作存在的主要问题及改进情况。",
);
pub const SECTION_OTHER: Basis = b(
    "第五十条第一款第（五）项",
    (50, 1, 5),
    Textual,
    "其他需要报告的事项；实务中常报告收取信息处理费的情况（第四十二条）。",
);

pub const ITEM_1: Basis = b(
    "第二十条第（一）项",
    (20, 1, 1),
    Template,
    "“行政法规、规章和规范性文件”；表中无“行政法规”行，“行政规范性文件”对应条文“规范性文件”。",
);
pub const ITEM_5: Basis = b(
    "第二十条第（五）项",
    (20, 1, 5),
    Template,
    "表中只统计行政许可处理决定数量。",
);
pub const ITEM_6: Basis = b(
    "第二十条第（六）项",
    (20, 1, 6),
    Template,
    "行政处罚、行政强制的处理决定数量。",
);
pub const ITEM_9: Basis = b(
    "第二十条第（九）项",
    (20, 1, 9),
    Template,
    "2019 年试行格式的统计项：政府集中采购项目的目录、标准及实施情况。",
);
pub const ITEM_8: Basis = b(
    "第二十条第（八）项",
    (20, 1, 8),
    Template,
    "条文要求公开收费项目、依据、标准；“收费金额”是模板新增的统计口径。",
);

pub const NEW_REQUESTS: Basis = b(
    "第二十七条；第二十九条；第五十条第一款第（二）项",
    (50, 1, 2),
    Inferred,
    "本年度新收到的政府信息公开申请件数。",
);
pub const CARRIED_IN: Basis = b(
    "第三十三条第二款；第三十条",
    (33, 2, 0),
    Inferred,
    "上一年度收到、跨年办理的申请；跨年结转源于法定答复期限，条例未出现“结转”一词。",
);
pub const DISCLOSED: Basis = b(
    "第三十六条第（一）项、第（二）项",
    (36, 1, 1),
    Inferred,
    "已主动公开的告知获取方式，可以公开的予以提供。",
);
pub const PARTIAL: Basis = b(
    "第三十七条",
    (37, 0, 0),
    Textual,
    "能够作区分处理的，提供可以公开的部分；区分处理的只计这一情形。",
);
pub const WITHHELD: Basis = b(
    "第三十六条第（三）项",
    (36, 1, 3),
    Inferred,
    "依据条例决定不予公开的，告知并说明理由。",
);
pub const SECRET: Basis = b(
    "第十四条",
    (14, 0, 0),
    Textual,
    "依法确定为国家秘密的政府信息；亦参第十七条第二款。",
);
pub const FORBIDDEN: Basis = b(
    "第十四条",
    (14, 0, 0),
    Textual,
    "法律、行政法规禁止公开的政府信息。",
);
pub const SECURITY: Basis = b(
    "第十四条",
    (14, 0, 0),
    Textual,
    "公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息；“三安全一稳定”的展开为据条文推断。",
);
pub const THIRD_PARTY: Basis = b(
    "第十五条；第三十二条",
    (15, 0, 0),
    Textual,
    "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的。",
);
pub const INTERNAL: Basis = b(
    "第十六条第一款",
    (16, 1, 0),
    Textual,
    "人事管理、后勤管理、内部工作流程等内部事务信息（“三类”为推断）。",
);
pub const PROCESS: Basis = b(
    "第十六条第二款",
    (16, 2, 0),
    Textual,
    "讨论记录、过程稿、磋商信函、请示报告等过程性信息（“四类”为推断）；法律、法规、规章规定应当公开的从其规定。",
);
pub const CASE_FILES: Basis = b(
    "第十六条第二款",
    (16, 2, 0),
    Textual,
    "行政执法案卷信息，可以不予公开。",
);
pub const INQUIRY: Basis = b(
    "第三十六条第（七）项",
    (36, 1, 7),
    Inferred,
    "工商、不动产登记资料等有特别规定的信息，告知依照有关法律、行政法规办理；未找到官方说明。",
);
pub const NOT_HELD: Basis = b(
    "第三十六条第（四）项、第（五）项",
    (36, 1, 4),
    Inferred,
    "经检索没有所申请公开信息，或不属于本机关负责公开的。",
);
pub const NOT_MADE: Basis = b(
    "第三十八条",
    (38, 0, 0),
    Textual,
    "需要对现有政府信息进行加工、分析的，可以不予提供。",
);
pub const UNCLEAR: Basis = b(
    "第三十条",
    (30, 0, 0),
    Inferred,
    "补正后仍不明确的处理结果条例未明文规定。",
);
pub const COMPLAINT: Basis = b(
    "第三十九条第一款",
    (39, 1, 0),
    Textual,
    "以政府信息公开申请的形式进行信访、投诉、举报等活动的，不作为申请处理。",
);
pub const REPEATED: Basis = b(
    "第三十六条第（六）项",
    (36, 1, 6),
    Textual,
    "重复申请公开相同政府信息的，告知不予重复处理。",
);
pub const PUBLICATIONS: Basis = b(
    "第三十九条第二款",
    (39, 2, 0),
    Textual,
    "要求提供政府公报、报刊、书籍等公开出版物的，可以告知获取途径。",
);
pub const MASS_REQUESTS: Basis = b(
    "第三十五条",
    (35, 0, 0),
    Textual,
    "数量、频次明显超过合理范围且理由不合理的，告知不予处理。",
);
pub const CONFIRMATION: Basis = b(
    "无直接条款（参第三十八条、第三十六条第（六）项）",
    (38, 0, 0),
    Inferred,
    "条例未明文规定这一情形。",
);
pub const NO_CORRECTION: Basis = b(
    "第三十条",
    (30, 0, 0),
    Textual,
    "申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理。",
);
pub const UNPAID_FEE: Basis = b(
    "第四十二条；《政府信息公开信息处理费管理办法》",
    (42, 0, 0),
    Inferred,
    "逾期未缴纳信息处理费、不再处理的规则来自该办法（条号未核）。",
);
pub const NONE: Basis = b("", (0, 0, 0), None, "统计兜底项或合计项，无对应条款。");
pub const CARRIED_OUT: Basis = b(
    "第三十三条第二款",
    (33, 2, 0),
    Inferred,
    "本年度未办结、转入下一年度继续办理的申请。",
);
pub const APPLICANTS: Basis = b(
    "第二十七条、第二十九条",
    (27, 0, 0),
    Inferred,
    "“公民、法人或者其他组织”；五个细分类别为模板统计口径，条例无此分类。",
);
pub const REVIEW: Basis = b(
    "第五十一条；第五十条第一款第（三）项",
    (51, 0, 0),
    Textual,
    "可以依法申请行政复议；结果分类为模板统计口径。",
);
pub const LITIGATION: Basis = b(
    "第五十一条；第五十条第一款第（三）项",
    (51, 0, 0),
    Textual,
    "可以依法提起行政诉讼；“未经复议直接起诉 / 复议后起诉”为模板口径。",
);
