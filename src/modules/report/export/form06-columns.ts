/**
 * The official form 06 column layout (domain.md: received — total, carried over, new online,
 * new direct or postal in one column; resolved — total, early, on time, late; in progress —
 * total, within deadline, overdue), then the hub's finer figures and the shares.
 * Each heading is Vietnamese with the English beneath.
 */
import type { DossierReportRow } from '../form06.types';

export interface Form06Column {
  vi: string;
  en: string;
  value: (r: DossierReportRow) => number | null;
  share?: boolean;
}

export interface Form06Group {
  vi: string;
  en: string;
  columns: Form06Column[];
}

export const FORM06_GROUPS: Form06Group[] = [
  {
    vi: 'Số hồ sơ nhận giải quyết',
    en: 'Received',
    columns: [
      { vi: 'Tổng số', en: 'Total', value: (r) => r.received },
      { vi: 'Kỳ trước chuyển sang', en: 'Carried over', value: (r) => r.carriedOver },
      { vi: 'Mới tiếp nhận trực tuyến', en: 'New online', value: (r) => r.newOnline },
      {
        vi: 'Mới tiếp nhận trực tiếp, bưu chính',
        en: 'New direct or postal',
        value: (r) => r.newDirect + r.newPostal,
      },
    ],
  },
  {
    vi: 'Số hồ sơ đã giải quyết',
    en: 'Resolved',
    columns: [
      { vi: 'Tổng số', en: 'Total', value: (r) => r.resolved },
      { vi: 'Trước hạn', en: 'Early', value: (r) => r.resolvedEarly },
      { vi: 'Đúng hạn', en: 'On time', value: (r) => r.resolvedOnTime },
      { vi: 'Quá hạn', en: 'Late', value: (r) => r.resolvedLate },
    ],
  },
  {
    vi: 'Số hồ sơ đang giải quyết',
    en: 'In progress',
    columns: [
      { vi: 'Tổng số', en: 'Total', value: (r) => r.inProgress },
      { vi: 'Trong hạn', en: 'Within deadline', value: (r) => r.inProgressWithinDeadline },
      { vi: 'Quá hạn', en: 'Overdue', value: (r) => r.inProgressOverdue },
    ],
  },
  {
    vi: 'Chi tiết thêm',
    en: 'Further figures',
    columns: [
      { vi: 'Rút hồ sơ', en: 'Withdrawn', value: (r) => r.withdrawn },
      { vi: 'Chờ bổ sung', en: 'Waiting for supplement', value: (r) => r.waitingSupplement },
      { vi: 'Từ chối tiếp nhận', en: 'Refused at reception', value: (r) => r.refusedAtReception },
      { vi: 'Không có hạn', en: 'No due date', value: (r) => r.undated },
      { vi: 'Tỷ lệ trực tuyến', en: 'Online share', value: (r) => r.onlineShare, share: true },
      { vi: 'Tỷ lệ đúng hạn', en: 'On-time share', value: (r) => r.onTimeShare, share: true },
    ],
  },
];

export const ROW_HEADINGS: Record<string, { vi: string; en: string }> = {
  AGENCY: { vi: 'Cơ quan, đơn vị', en: 'Agency' },
  SECTOR: { vi: 'Lĩnh vực', en: 'Sector' },
  LEVEL: { vi: 'Cấp thực hiện', en: 'Level' },
  PROCEDURE: { vi: 'Thủ tục hành chính', en: 'Procedure' },
};

/** A share as a percentage with one decimal, `87.5`; empty when there is none. */
export const percent = (v: number | null) => (v === null ? '' : (Math.round(v * 1000) / 10).toFixed(1));
