// The built-in report skeleton, used only when the server does not offer the `ogi.skeleton` command.
// Markdown pipe tables (layout L2) read the same in .md and .txt files; every count starts at 0 so the
// balance checks hold until the clerk fills in real figures.

const applicantColumns = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

const requestRows = [
    '一、本年新收政府信息公开申请数量',
    '二、上年结转政府信息公开申请数量',
    '三、本年度办理结果',
    '（一）予以公开',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '（三）不予公开',
    '1.属于国家秘密',
    '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
    '（四）无法提供',
    '1.本机关不掌握相关政府信息',
    '2.没有现成信息需要另行制作',
    '3.补正后申请内容仍不明确',
    '（五）不予处理',
    '1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
    '（六）其他处理',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.其他',
    '（七）总计',
    '四、结转下年度继续办理',
];

/** Group headings of 表三 carry no numbers of their own. */
const requestGroupRows = new Set(['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);

function row(cells: string[]): string {
    return `| ${cells.join(' | ')} |`;
}

function table(header: string[], body: string[][]): string[] {
    return [row(header), row(header.map(() => '---')), ...body.map(row)];
}

const zeros = (n: number): string[] => Array.from({ length: n }, () => '0');

function activeDisclosureTables(): string[] {
    return [
        '第二十条第（一）项',
        '',
        ...table(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [
            ['规章', ...zeros(3)],
            ['行政规范性文件', ...zeros(3)],
        ]),
        '',
        '第二十条第（五）项',
        '',
        ...table(['信息内容', '本年处理决定数量'], [['行政许可', '0']]),
        '',
        '第二十条第（六）项',
        '',
        ...table(['信息内容', '本年处理决定数量'], [
            ['行政处罚', '0'],
            ['行政强制', '0'],
        ]),
        '',
        '第二十条第（八）项',
        '',
        ...table(['信息内容', '本年收费金额（单位：万元）'], [['行政事业性收费', '0']]),
    ];
}

function requestTable(): string[] {
    const body = requestRows.map((label) =>
        requestGroupRows.has(label) ? [label, ...applicantColumns.map(() => '')] : [label, ...zeros(applicantColumns.length)],
    );
    return table(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ...applicantColumns], body);
}

function reviewLitigationTable(): string[] {
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    return [
        row([...Array(5).fill('行政复议'), ...Array(10).fill('行政诉讼')]),
        row(Array(15).fill('---')),
        row([...outcomes, ...Array(5).fill('未经复议直接起诉'), ...Array(5).fill('复议后起诉')]),
        row([...Array(5).fill(''), ...outcomes, ...outcomes]),
        row(zeros(15)),
    ];
}

/** A complete blank report in the national format of 2021. */
export function builtinSkeleton(eol: string): string {
    const lines = [
        '××××年政府信息公开工作年度报告',
        '',
        '一、总体情况',
        '',
        '',
        '二、主动公开政府信息情况',
        '',
        ...activeDisclosureTables(),
        '',
        '三、收到和处理政府信息公开申请情况',
        '',
        ...requestTable(),
        '',
        '四、政府信息公开行政复议、行政诉讼情况',
        '',
        ...reviewLitigationTable(),
        '',
        '五、存在的主要问题及改进情况',
        '',
        '',
        '六、其他需要报告的事项',
        '',
        '',
    ];
    return lines.join(eol);
}
