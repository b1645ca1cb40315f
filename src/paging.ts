// One page of a list (catalogue, feedback, appeals …): its rows, how many there are in all, and where it stands.
export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}
