import type { ReportModel } from '@scoring/report/index'
import { qrPng } from '../../export/qr'
import { sheetHeader, sheetItems, sheetNotes } from '../../export/sheetRows'
import { fileByCase, sheetInput } from '../documents'
import type { FetchBytes } from './bundledFont'
import { esc, lines, officialPage } from './officialPage'

function pngDataUrl(png: Uint8Array): string {
  let s = ''
  for (const b of png) s += String.fromCharCode(b)
  return `data:image/png;base64,${btoa(s)}`
}

/** One file's score sheet as a printable page, from the same rows the DOCX and XLSX writers use. */
export async function scoreSheetHtmlFor(model: ReportModel, caseId: string, load?: FetchBytes): Promise<string> {
  const f = fileByCase(model, caseId)
  const { verification } = await sheetInput(model, f)
  const head = sheetHeader(model, f)
  const notes = sheetNotes(f)
  const rows = sheetItems(f)
    .map((r) => (r.kind === 'section' || r.kind === 'bonusHeader' ? `<tr><td colspan="2"><b>${esc(r.name)}</b></td><td class="c">${esc(r.max)}</td><td class="c">${esc(r.deducted)}</td><td class="c">${esc(r.awarded)}</td><td>${lines(r.note)}</td></tr>` : `<tr><td class="c">${esc(r.id)}</td><td>${esc(r.name)}</td><td class="c">${esc(r.max)}</td><td class="c">${esc(r.deducted)}</td><td class="c">${esc(r.awarded)}</td><td>${lines(r.note)}</td></tr>`))
    .join('')
  const body = `<div class="form">
<h1 class="title">行政执法案卷评查评分表</h1>
<table>${head.map((h) => `<tr><th style="width:22%">${esc(h.label)}</th><td>${esc(h.value)}</td></tr>`).join('')}</table>
<table><tr><th style="width:9%">编号</th><th>评查项目</th><th style="width:8%">分值</th><th style="width:8%">扣分</th><th style="width:8%">得分</th><th style="width:36%">扣分理由及证据页码</th></tr>${rows}</table>
${notes.basic ? `<p><b>基本标准：</b>${lines(notes.basic)}</p>` : ''}
<p><b>得分：</b>${esc(notes.totals)}</p>
${notes.veto ? `<p><b>否决：</b>${esc(notes.veto)}</p>` : ''}
${notes.goodPractice ? `<p><b>亮点：</b>${esc(notes.goodPractice)}</p>` : ''}
${notes.comment ? `<p><b>评语：</b>${esc(notes.comment)}</p>` : ''}
<p style="margin-top:12pt">评查人员（签名）：__________________&emsp;&emsp;组长（签名）：__________&emsp;&emsp;日期：__________</p>
${verification ? `<div class="qr" data-verification="${esc(verification)}"><img alt="核验码" src="${pngDataUrl(qrPng(verification, 4).png)}"><div>核验码：${esc(verification)}<br>可用“案卷评查台 verify”核验本表得分与定稿记录是否一致。</div></div>` : ''}
</div>`
  return officialPage(`评分表 ${f.case.caseNumber}`, body, load)
}
