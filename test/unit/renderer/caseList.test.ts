import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { CaseListError, caseListTemplateCsv, decodeCsv, normaliseDate, parseCsv, readCaseListFile, resolveCaseList, splitHandlers, type CaseListContext } from '../../../renderer/src/workflow/caseList'

const ctx = (over: Partial<CaseListContext> = {}): CaseListContext => ({
  caseTypes: ['penalty', 'licensing'],
  agencies: [{ id: 'ag-market', name: '市市场监督管理局' }],
  caseFiles: [
    { id: 'f1', name: '卷一', pageCount: 12 },
    { id: 'f2', name: '卷二', pageCount: 30 },
    { id: 'f3', name: '卷三', pageCount: 7 },
  ],
  registered: [],
  ...over,
})

const HEADER = ['案卷文件', '执法单位', '案号', '案件类型', '当事人', '案由', '承办人', '立案日期', '结案日期']

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,,3\n'
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ])
  })

  it('keeps a last row without a line break and an empty trailing field', () => {
    expect(parseCsv('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ])
  })

  it('refuses an unclosed quote in Chinese', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(CaseListError)
    expect(() => parseCsv('a,"b\n1,2')).toThrow(/未闭合的引号/)
  })
})

describe('decodeCsv', () => {
  it('reads UTF-8 with a BOM and GBK', () => {
    const utf8 = new TextEncoder().encode('\uFEFF案号,当事人')
    expect(parseCsv(decodeCsv(utf8))[0]).toEqual(['案号', '当事人'])
    // "案号" in GBK: B0 B8 BA C5
    const gbk = new Uint8Array([0xb0, 0xb8, 0xba, 0xc5])
    expect(decodeCsv(gbk)).toBe('案号')
  })
})

describe('normaliseDate and splitHandlers', () => {
  it('accepts the usual spellings and refuses impossible days', () => {
    expect(normaliseDate('2024-03-05')).toBe('2024-03-05')
    expect(normaliseDate('2024/3/5')).toBe('2024-03-05')
    expect(normaliseDate('2024.3.5')).toBe('2024-03-05')
    expect(normaliseDate('2024年3月5日')).toBe('2024-03-05')
    expect(normaliseDate('20240305')).toBe('2024-03-05')
    expect(normaliseDate('45356')).toBe('2024-03-05')
    expect(normaliseDate('2023-02-29')).toBeNull()
    expect(normaliseDate('三月五日')).toBeNull()
  })

  it('splits handlers on Chinese and ASCII separators', () => {
    expect(splitHandlers('张三、李四，王五,赵六')).toEqual(['张三', '李四', '王五', '赵六'])
    expect(splitHandlers('  ')).toEqual([])
  })
})

describe('resolveCaseList', () => {
  it('resolves files, case types and agencies, listing agencies to create', () => {
    const r = resolveCaseList(
      [HEADER, ['卷一', '市市场监督管理局', '市监罚〔2024〕1号', '行政处罚', '某公司', '无照经营', '张三、李四', '2024/1/2', '2024-02-03'], [], ['卷二.pdf', '区城管局', '城管罚〔2024〕9号', 'licensing', '', '', '', '', '']],
      ctx(),
    )
    expect(r.errors).toEqual([])
    expect(r.newAgencies).toEqual(['区城管局'])
    expect(r.cases).toHaveLength(2)
    expect(r.cases[0]).toMatchObject({ row: 2, caseFileId: 'f1', agencyId: 'ag-market', newAgency: null, caseType: 'penalty', handlers: ['张三', '李四'], filedOn: '2024-01-02', closedOn: '2024-02-03', pageCount: 12 })
    expect(r.cases[1]).toMatchObject({ row: 4, caseFileId: 'f2', agencyId: null, newAgency: '区城管局', caseType: 'licensing', pageCount: 30 })
  })

  it('names the row and the column of every problem and returns no cases when any row is bad', () => {
    const r = resolveCaseList(
      [
        HEADER,
        ['卷一', '市市场监督管理局', '罚1', '行政处罚', '', '', '', '', ''],
        ['不存在的卷', '市市场监督管理局', '罚2', '行政处罚', '', '', '', '', ''],
        ['卷二', '市市场监督管理局', '罚3', '行政检查', '', '', '', '2024-13-01', ''],
        ['卷三', '市市场监督管理局', '罚1', '行政处罚', '', '', '', '2024-05-01', '2024-04-01'],
      ],
      ctx(),
    )
    expect(r.cases).toEqual([])
    expect(r.newAgencies).toEqual([])
    expect(r.errors).toEqual([
      '第 3 行「案卷文件」：案卷库中没有名为「不存在的卷」的案卷，请先导入扫描件',
      '第 4 行「案件类型」：本次活动没有「行政检查」的评查标准，可填：行政处罚、行政许可',
      '第 4 行「立案日期」：「2024-13-01」不是有效日期，请写成 2024-03-05 的形式',
      '第 5 行「案号」：「罚1」与第 2 行重复',
      '第 5 行「结案日期」：结案日期 2024-04-01 早于立案日期 2024-05-01',
    ])
  })

  it('refuses files and case numbers already registered in the campaign', () => {
    const r = resolveCaseList([HEADER, ['卷一', '市市场监督管理局', '新号', '行政处罚'], ['卷二', '市市场监督管理局', '旧号', '行政处罚']], ctx({ registered: [{ caseFileId: 'f1', agencyId: 'ag-market', caseNumber: '旧号' }] }))
    expect(r.errors).toEqual(['第 2 行「案卷文件」：「卷一」已在本次活动中登记', '第 3 行「案号」：「旧号」已在本次活动中登记'])
  })

  it('names missing columns and an empty list', () => {
    expect(resolveCaseList([['案卷文件', '案号']], ctx()).errors[0]).toMatch(/^第 1 行（表头）缺少列：「执法单位」、「案件类型」/)
    expect(resolveCaseList([], ctx()).errors).toEqual(['案卷目录是空的'])
    expect(resolveCaseList([HEADER, ['', '', '']], ctx()).errors).toEqual(['案卷目录中没有数据行'])
  })

  it('reads its own template once the example file exists', () => {
    const table = parseCsv(caseListTemplateCsv())
    const r = resolveCaseList(table, ctx({ caseFiles: [{ id: 'x', name: '某局行政处罚案卷', pageCount: 3 }] }))
    expect(r.errors).toEqual([])
    expect(r.cases[0]).toMatchObject({ caseNumber: '某市监处罚〔2024〕12号', handlers: ['张三', '李四'], newAgency: '某市市场监督管理局' })
  })
})

describe('readCaseListFile', () => {
  it('reads an .xlsx with date cells, rich text and numbers, keeping spreadsheet row numbers', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('案卷目录')
    ws.addRow(HEADER)
    ws.addRow(['卷一', { richText: [{ text: '市市场' }, { text: '监督管理局' }] }, 2024001, '行政处罚', '某公司', '', '张三', new Date(Date.UTC(2024, 2, 5)), '2024-04-01'])
    ws.getRow(4).values = ['卷三', '市市场监督管理局', '罚9', '行政许可']
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const table = await readCaseListFile('目录.XLSX', bytes)
    expect(table[1]).toEqual(['卷一', '市市场监督管理局', '2024001', '行政处罚', '某公司', '', '张三', '2024-03-05', '2024-04-01'])
    const r = resolveCaseList(table, ctx())
    expect(r.errors).toEqual([])
    expect(r.cases.map((c) => c.row)).toEqual([2, 4])
  })

  it('refuses .xls and unknown types, and a corrupt .xlsx, in Chinese', async () => {
    await expect(readCaseListFile('a.xls', new Uint8Array())).rejects.toThrow(/另存为 .xlsx/)
    await expect(readCaseListFile('a.pdf', new Uint8Array())).rejects.toThrow(/不支持的文件类型/)
    await expect(readCaseListFile('a.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow(/无法读取该 Excel 文件/)
  })
})
