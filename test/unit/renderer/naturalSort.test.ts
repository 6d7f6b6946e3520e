import { describe, expect, it } from 'vitest'
import { compareNatural, sortNatural } from '../../../renderer/src/import/naturalSort'
import { imageCaseName } from '../../../renderer/src/import/imageCaseName'

describe('natural sort of page files', () => {
  it('puts 第2页 before 第10页 and compares every number as a number', () => {
    const names = ['案卷-第10页.jpg', '案卷-第2页.jpg', '案卷-第1页.jpg', '案卷-第3页.png']
    expect(sortNatural(names, (n) => n)).toEqual(['案卷-第1页.jpg', '案卷-第2页.jpg', '案卷-第3页.png', '案卷-第10页.jpg'])
    expect(sortNatural(['scan10.tif', 'scan9.tif', 'scan100.tif'], (n) => n)).toEqual(['scan9.tif', 'scan10.tif', 'scan100.tif'])
    expect(compareNatural('IMG_0002.jpg', 'IMG_0010.jpg')).toBeLessThan(0)
  })

  it('keeps the chosen order for names that compare equal', () => {
    const files = [{ n: 'A.jpg', i: 0 }, { n: 'a.jpg', i: 1 }]
    expect(sortNatural(files, (f) => f.n).map((f) => f.i)).toEqual([0, 1])
    expect(sortNatural([...files].reverse(), (f) => f.n).map((f) => f.i)).toEqual([1, 0])
  })
})

describe('name of an image case file', () => {
  const files = (...names: string[]) => names.map((name) => ({ name, webkitRelativePath: '' }))

  it('is the folder name when a folder was imported', () => {
    expect(imageCaseName([{ name: '001.png', webkitRelativePath: '张三违法建设案/001.png' }, { name: '002.png', webkitRelativePath: '张三违法建设案/002.png' }])).toBe('张三违法建设案')
    expect(imageCaseName([{ name: '001.png', webkitRelativePath: '2024案卷/卷一/001.png' }])).toBe('2024案卷')
  })

  it('is the common prefix of the file names, without separators or a page number cut in half', () => {
    expect(imageCaseName(files('某局处罚案卷-第1页.jpg', '某局处罚案卷-第2页.jpg', '某局处罚案卷-第10页.jpg'))).toBe('某局处罚案卷')
    expect(imageCaseName(files('IMG_0001.jpg', 'IMG_0002.jpg'))).toBe('IMG')
    expect(imageCaseName(files('2023年第5号案_1.jpg', '2023年第5号案_2.jpg'))).toBe('2023年第5号案')
  })

  it('falls back to the first file name without its extension', () => {
    expect(imageCaseName(files('001.png', '002.png'))).toBe('001')
    expect(imageCaseName(files('现场照片.jpg', '询问笔录.tif'))).toBe('现场照片')
    expect(imageCaseName(files('扫描件-G4.tif'))).toBe('扫描件-G4')
  })
})
