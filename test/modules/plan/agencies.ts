import type { TestDatabase } from '../../support/db';

/** A few of Bình Định's agencies as iGate lists them (note `Uỷ`, the old tone placement). */
export const SOME_AGENCIES: [code: string, name: string, level: string, parent: string | null][] = [
  ['000.00.00.H21', 'Ủy ban nhân dân tỉnh Bình Định', 'PROVINCE', null],
  ['000.00.01.H21', 'Sở Tư pháp', 'PROVINCE', '000.00.00.H21'],
  ['000.00.15.H21', 'Sở Thông tin và Truyền thông', 'PROVINCE', '000.00.00.H21'],
  ['000.00.19.H21', 'Ban Dân tộc', 'PROVINCE', '000.00.00.H21'],
  ['000.00.22.H21', 'Văn phòng Uỷ ban nhân dân tỉnh', 'PROVINCE', '000.00.00.H21'],
  ['000.00.23.H21', 'Ủy ban nhân dân thành phố Quy Nhơn', 'DISTRICT', '000.00.00.H21'],
  ['000.01.23.H21', 'Ủy ban nhân dân phường Trần Phú', 'COMMUNE', '000.00.23.H21'],
];

export async function seedAgencies(db: TestDatabase, rows = SOME_AGENCIES): Promise<void> {
  for (const [code, name, level, parent] of rows) {
    await db.orm.em
      .fork()
      .execute(
        `insert into igate_agency (code, name, level, parent_code, content_hash) values (?, ?, ?, ?, 'x')`,
        [code, name, level, parent],
      );
  }
}
