import {
  PLATFORM_PRODUCT_LIFECYCLES,
  PlatformProductEntityV1alpha1,
} from '@platform-product/plugin-platform-product-common';
import { CheckThresholds } from '../ScorecardConfig';
import { BuiltInCheck } from './types';
import { plural } from './format';

/** Checks on the product entity alone: no data of other capabilities, so never not applicable. */

export function visionCheck(
  thresholds: CheckThresholds['vision'],
): BuiltInCheck {
  const threshold = `at least ${plural(thresholds.minimumWords, 'word')}`;
  const advice = `Write the product's vision in spec.vision: who it is for, what it lets them do and why that matters, in two or three sentences (${threshold}).`;
  return {
    id: 'vision',
    title: 'Vision',
    advice,
    evaluate: ({ entity }) => {
      const vision = entity.spec.vision?.trim() ?? '';
      if (!vision) return { status: 'fail', value: null, threshold, advice };
      const words = vision.split(/\s+/).length;
      return {
        status: words >= thresholds.minimumWords ? 'pass' : 'fail',
        value: plural(words, 'word'),
        threshold,
        advice,
      };
    },
  };
}

export function lifecycleCheck(): BuiltInCheck {
  const stages = PLATFORM_PRODUCT_LIFECYCLES.join(', ');
  const advice = `Declare the product's stage in spec.lifecycle (${stages}), so that teams know what they can build on.`;
  return {
    id: 'lifecycle',
    title: 'Lifecycle',
    advice,
    evaluate: ({ entity }) => {
      const lifecycle: unknown = entity.spec.lifecycle;
      if (typeof lifecycle !== 'string' || !lifecycle) {
        return { status: 'fail', value: null, advice };
      }
      const known = (PLATFORM_PRODUCT_LIFECYCLES as readonly string[]).includes(
        lifecycle,
      );
      return {
        status: known ? 'pass' : 'fail',
        value: lifecycle,
        advice: known
          ? advice
          : `spec.lifecycle '${lifecycle}' is not a stage: use one of ${stages}.`,
      };
    },
  };
}

const TECHDOCS_ANNOTATIONS = [
  'backstage.io/techdocs-ref',
  'backstage.io/techdocs-entity',
];
const DOCS_TITLE = /\b(docs?|documentation|guide|handbook|manual)\b/i;

/** Where the product's documentation is: TechDocs, or the first docs link. */
function documentationOf(entity: PlatformProductEntityV1alpha1) {
  const annotations = entity.metadata.annotations ?? {};
  if (TECHDOCS_ANNOTATIONS.some(key => annotations[key]?.trim())) {
    return 'TechDocs';
  }
  const link = (entity.metadata.links ?? []).find(
    ({ icon, type, title }) =>
      icon === 'docs' || type === 'docs' || (!!title && DOCS_TITLE.test(title)),
  );
  return link ? link.title ?? link.url : undefined;
}

export function documentationCheck(): BuiltInCheck {
  const advice =
    "Give users a place to start: publish TechDocs (the backstage.io/techdocs-ref annotation) or add a link to the product's documentation in metadata.links (with icon: docs).";
  return {
    id: 'documentation',
    title: 'Documentation',
    advice,
    evaluate: ({ entity }) => {
      const documentation = documentationOf(entity);
      return {
        status: documentation ? 'pass' : 'fail',
        value: documentation ?? null,
        advice,
      };
    },
  };
}

export function supportChannelCheck(): BuiltInCheck {
  const advice =
    'List where users get help in spec.support.channels: a chat channel, an issue tracker or a mailing list, each with its link.';
  return {
    id: 'support-channel',
    title: 'Support channel',
    advice,
    evaluate: ({ entity }) => {
      const names = (entity.spec.support?.channels ?? [])
        .map(channel => channel?.name?.trim())
        .filter(Boolean);
      return {
        status: names.length ? 'pass' : 'fail',
        value: names.length ? names.join(', ') : null,
        advice,
      };
    },
  };
}

export function officeHoursCheck(): BuiltInCheck {
  const advice =
    "Hold office hours, a regular slot where users bring their questions, and say when in spec.support.officeHours.schedule (like 'Thursdays 15:00 CET'), with the meeting link in url.";
  return {
    id: 'office-hours',
    title: 'Office hours',
    advice,
    evaluate: ({ entity }) => {
      const schedule = entity.spec.support?.officeHours?.schedule?.trim();
      return {
        status: schedule ? 'pass' : 'fail',
        value: schedule || null,
        advice,
      };
    },
  };
}
