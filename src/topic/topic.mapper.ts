import { props, str } from '../db/values';
import type { Topic } from './topic.type';

export function toTopic(value: unknown): Topic {
  const p = props(value);
  return { id: String(p.id), name: String(p.name), nameEn: str(p.nameEn) };
}
